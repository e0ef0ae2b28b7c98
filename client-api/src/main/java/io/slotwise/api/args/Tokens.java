package io.slotwise.api.args;

import java.nio.charset.StandardCharsets;

/** Turns option tokens and numbers into argument bytes. */
final class Tokens {

    private Tokens() {}

    static byte[] of(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] of(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
