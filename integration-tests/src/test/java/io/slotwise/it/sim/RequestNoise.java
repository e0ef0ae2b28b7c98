package io.slotwise.it.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random request streams from a seed: protocol fragments ({@code *}, {@code $}, lengths, CR, LF, quotes,
 * escapes, a few harmless commands and whole request headers) mixed with random bytes and random lower-case words, so
 * that the parser visits every state, inline and multibulk, valid and invalid. The same seed always gives the same
 * bytes. The vocabulary holds no command that changes data or connection state.
 */
enum RequestNoise {

    /** Random bytes are 7-bit ASCII. */
    ASCII(0x80),

    /** Random bytes cover all 256 values. */
    BINARY(0x100);

    private static final List<String> FRAGMENTS = List.of(
            "*",
            "$",
            "\r\n",
            "\r",
            "\n",
            "0",
            "1",
            "2",
            "3",
            "9",
            "-1",
            "2147483648",
            " ",
            "\"",
            "'",
            "\\x4",
            "\\",
            "PING",
            "ECHO",
            "GET",
            "EXISTS",
            "*1\r\n",
            "$4\r\n",
            "*2\r\n$4\r\nECHO\r\n");
    private static final int MAX_PIECES = 30;

    private final int byteBound;

    RequestNoise(int byteBound) {
        this.byteBound = byteBound;
    }

    /** Returns the request stream for {@code seed}: 1 to 30 pieces, a few hundred bytes at most. */
    byte[] generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = random.nextInt(1, MAX_PIECES + 1);
        for (int i = 0; i < pieces; i++) {
            double pick = random.nextDouble();
            if (pick < 0.5) {
                out.writeBytes(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.US_ASCII));
            } else if (pick < 0.8) {
                out.write(random.nextInt(byteBound));
            } else {
                int letters = random.nextInt(1, 6);
                for (int j = 0; j < letters; j++) {
                    out.write('a' + random.nextInt(26));
                }
            }
        }
        return out.toByteArray();
    }
}
