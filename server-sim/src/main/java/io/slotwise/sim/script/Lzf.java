package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandException;

/** LZF decompression, for the compressed strings of payloads Redis dumps. Stateless. */
final class Lzf {
    private Lzf() {}

    static byte[] decompress(byte[] in, int length) {
        byte[] out = new byte[length];
        int ip = 0;
        int op = 0;
        try {
            while (ip < in.length) {
                int control = in[ip++] & 0xFF;
                if (control < 32) {
                    int literal = control + 1;
                    System.arraycopy(in, ip, out, op, literal);
                    ip += literal;
                    op += literal;
                } else {
                    int run = control >> 5;
                    if (run == 7) {
                        run += in[ip++] & 0xFF;
                    }
                    int back = op - ((control & 0x1F) << 8) - 1 - (in[ip++] & 0xFF);
                    for (int i = 0; i < run + 2; i++) {
                        out[op++] = out[back++];
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new CommandException("ERR DUMP payload version or checksum are wrong");
        }
        if (op != length) {
            throw new CommandException("ERR DUMP payload version or checksum are wrong");
        }
        return out;
    }
}
