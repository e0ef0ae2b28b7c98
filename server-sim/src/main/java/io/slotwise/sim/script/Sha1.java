package io.slotwise.sim.script;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-1 digest in lower-case hex that names a script (EVALSHA, SCRIPT LOAD, {@code redis.sha1hex}). */
final class Sha1 {
    private Sha1() {}

    /** Returns the 40 hex characters of the SHA-1 of {@code bytes}. */
    static String hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            StringBuilder out = new StringBuilder(40);
            for (byte b : digest) {
                out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
