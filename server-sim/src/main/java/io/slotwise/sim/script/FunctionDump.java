package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The payload of FUNCTION DUMP and RESTORE, in Redis 7.0's format: per library the opcode {@code 0xF5} and the code as
 * an RDB string, then the RDB version 10 (two bytes, little-endian) and the CRC-64 of everything before (eight bytes,
 * little-endian). Dumps write strings uncompressed; RESTORE also reads the LZF-compressed strings Redis writes.
 */
final class FunctionDump {
    private static final int FUNCTION_OPCODE = 0xF5;
    private static final int RDB_VERSION = 10;
    private static final String BAD = "ERR DUMP payload version or checksum are wrong";

    private FunctionDump() {}

    static byte[] dump(Collection<FunctionLibrary> libraries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FunctionLibrary library : libraries) {
            out.write(FUNCTION_OPCODE);
            writeLength(out, library.code().length);
            out.writeBytes(library.code());
        }
        out.write(RDB_VERSION);
        out.write(0);
        byte[] body = out.toByteArray();
        long crc = Crc64Jones.checksum(body);
        for (int i = 0; i < 8; i++) {
            out.write((int) (crc >>> (8 * i)) & 0xFF);
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 64) {
            out.write(length);
        } else if (length < 16384) {
            out.write(0x40 | (length >> 8));
            out.write(length & 0xFF);
        } else {
            out.write(0x80);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xFF);
            }
        }
    }

    /** Returns the library codes of a payload, or throws Redis's error for a damaged one. */
    static List<byte[]> read(byte[] payload) {
        if (payload.length < 10) {
            throw new CommandException(BAD);
        }
        int end = payload.length - 10;
        int version = (payload[end] & 0xFF) | (payload[end + 1] & 0xFF) << 8;
        long crc = 0;
        for (int i = 7; i >= 0; i--) {
            crc = crc << 8 | (payload[end + 2 + i] & 0xFF);
        }
        byte[] body = java.util.Arrays.copyOf(payload, end + 2);
        if (version > RDB_VERSION || Crc64Jones.checksum(body) != crc) {
            throw new CommandException(BAD);
        }
        List<byte[]> codes = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < end) {
            if ((payload[pos[0]++] & 0xFF) != FUNCTION_OPCODE) {
                throw new CommandException("ERR given type is not a function");
            }
            codes.add(readString(payload, pos, end));
        }
        return codes;
    }

    private static byte[] readString(byte[] p, int[] pos, int end) {
        int first = p[pos[0]++] & 0xFF;
        int kind = first >> 6;
        if (kind == 3) {
            if ((first & 0x3F) != 3) {
                throw new CommandException(BAD);
            }
            int compressed = readLength(p, pos);
            int length = readLength(p, pos);
            byte[] data = java.util.Arrays.copyOfRange(p, pos[0], pos[0] + compressed);
            pos[0] += compressed;
            return Lzf.decompress(data, length);
        }
        pos[0]--;
        int length = readLength(p, pos);
        if (pos[0] + length > end) {
            throw new CommandException(BAD);
        }
        byte[] s = java.util.Arrays.copyOfRange(p, pos[0], pos[0] + length);
        pos[0] += length;
        return s;
    }

    private static int readLength(byte[] p, int[] pos) {
        int first = p[pos[0]++] & 0xFF;
        return switch (first >> 6) {
            case 0 -> first & 0x3F;
            case 1 -> (first & 0x3F) << 8 | (p[pos[0]++] & 0xFF);
            default -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    v = v << 8 | (p[pos[0]++] & 0xFF);
                }
                yield v;
            }
        };
    }
}
