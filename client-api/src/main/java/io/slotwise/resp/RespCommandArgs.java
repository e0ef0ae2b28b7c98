package io.slotwise.resp;

/**
 * A command as RESP encoders see it: an ordered list of binary-safe arguments, the first being the command name. An
 * encoder writes it as an array of bulk strings ({@code *<argCount>} then one {@code $<length>} per argument).
 *
 * <p>Contract for implementations: {@link #argCount()} is at least 1; {@link #arg(int)} never returns {@code null}
 * and returns the same content every time it is called for the same index, since an encoder may read each argument
 * twice (once to size its output, once to write it). Encoders only read the arrays; they must not be modified until
 * the write that carries them has been encoded. Encoders call these methods on the thread that encodes the write (for
 * netty, the channel's event loop), so implementations should be immutable.
 */
public interface RespCommandArgs {

    /**
     * Returns the number of arguments, command name included.
     *
     * @return the count, {@code >= 1}
     */
    int argCount();

    /**
     * Returns one argument.
     *
     * @param index in {@code [0, argCount())}; 0 is the command name
     * @return the argument's bytes, never {@code null}; may be empty. Callers must not modify the array.
     */
    byte[] arg(int index);
}
