package io.slotwise.netty.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.slotwise.resp.RespCommandArgs;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link RespCommandArgs} as a RESP array of bulk strings, the form every Redis server accepts for a
 * command: {@code *<argCount>\r\n} then {@code $<length>\r\n<bytes>\r\n} per argument. Arguments are binary-safe.
 *
 * <p>The output buffer is sized exactly before anything is written. An invalid command (no arguments, a {@code null}
 * argument, or more than 2 GiB in total) fails that write's promise with an
 * {@link io.netty.handler.codec.EncoderException} whose cause is an {@link IllegalArgumentException} or
 * {@link NullPointerException}, and writes nothing, so the stream stays in sync.
 *
 * <p>Stateless and {@link ChannelHandler.Sharable sharable}; runs on the event loop of the channel it serves.
 */
@ChannelHandler.Sharable
public final class RespEncoder extends MessageToByteEncoder<RespCommandArgs> {

    /** Headers for lengths below this are written from precomputed bytes. */
    private static final int CACHED_HEADERS = 256;

    private static final byte[][] ARRAY_HEADERS = headers('*');
    private static final byte[][] BULK_HEADERS = headers('$');
    private static final short CRLF = ('\r' << 8) | '\n';

    /** Creates an encoder. */
    public RespEncoder() {
        super(RespCommandArgs.class);
    }

    /** Allocates a buffer of exactly the encoded size, checking the command first. */
    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RespCommandArgs command, boolean preferDirect) {
        int size = encodedSize(command);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /** Writes the command into the buffer {@link #allocateBuffer} sized for it. */
    @Override
    protected void encode(ChannelHandlerContext ctx, RespCommandArgs command, ByteBuf out) {
        int argCount = command.argCount();
        writeHeader(out, ARRAY_HEADERS, '*', argCount);
        for (int i = 0; i < argCount; i++) {
            byte[] arg = command.arg(i);
            writeHeader(out, BULK_HEADERS, '$', arg.length);
            out.writeBytes(arg);
            out.writeShort(CRLF);
        }
    }

    /**
     * Computes the exact encoded size and checks the command.
     *
     * @throws IllegalArgumentException if the command has no argument or encodes to more than 2 GiB
     * @throws NullPointerException if an argument is {@code null}
     */
    static int encodedSize(RespCommandArgs command) {
        int argCount = command.argCount();
        if (argCount < 1) {
            throw new IllegalArgumentException("A command needs at least one argument, its name; got " + argCount);
        }
        long size = headerSize(argCount);
        for (int i = 0; i < argCount; i++) {
            byte[] arg = command.arg(i);
            if (arg == null) {
                throw new NullPointerException("Argument " + i + " of the command is null");
            }
            size += headerSize(arg.length) + arg.length + 2;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The command encodes to " + size + " bytes, more than 2 GiB");
        }
        return (int) size;
    }

    private static int headerSize(int count) {
        return 1 + decimalDigits(count) + 2;
    }

    /** The number of decimal digits of a count, {@code >= 0}, without formatting it. */
    static int decimalDigits(int count) {
        int digits = 1;
        for (long limit = 10; count >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    private static void writeHeader(ByteBuf out, byte[][] cache, char marker, int count) {
        if (count < CACHED_HEADERS) {
            out.writeBytes(cache[count]);
            return;
        }
        out.writeByte(marker);
        int digits = decimalDigits(count);
        int at = out.writerIndex();
        out.writerIndex(at + digits);
        int rest = count;
        for (int i = digits - 1; i >= 0; i--) {
            out.setByte(at + i, '0' + rest % 10);
            rest /= 10;
        }
        out.writeShort(CRLF);
    }

    private static byte[][] headers(char marker) {
        byte[][] headers = new byte[CACHED_HEADERS][];
        for (int count = 0; count < CACHED_HEADERS; count++) {
            headers[count] = (marker + Integer.toString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return headers;
    }
}
