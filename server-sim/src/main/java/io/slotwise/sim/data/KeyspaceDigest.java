package io.slotwise.sim.data;

import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DEBUG DIGEST's signature of a whole keyspace: for each key the SHA-1 of its name, its value's dump payload and its
 * expiry time, combined with XOR so that the order of keys does not matter; 40 zeros for an empty keyspace, as in
 * Redis. Equal data gives equal digests on every node; the digits differ from a real Redis's. Stateless.
 */
final class KeyspaceDigest {
    /** What Redis answers for a missing key or an empty keyspace. */
    static final String ZERO = "0".repeat(40);

    private KeyspaceDigest() {}

    /** Returns the 40-hex-digit digest of every live key of {@code keyspace}. */
    static String of(Keyspace keyspace) {
        byte[] combined = new byte[20];
        boolean any = false;
        for (Key key : keyspace.keys(new byte[] {'*'})) {
            Value value = keyspace.get(key);
            if (value == null) {
                continue;
            }
            any = true;
            byte[] keyDigest = sha1(key, value, keyspace.expireTimeMillis(key));
            for (int i = 0; i < combined.length; i++) {
                combined[i] ^= keyDigest[i];
            }
        }
        return any ? hex(combined) : ZERO;
    }

    private static byte[] sha1(Key key, Value value, long expireAtMillis) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(4).putInt(key.length()).flip());
            sha1.update(key.asReadOnlyBuffer());
            sha1.update(DumpPayload.encode(value));
            sha1.update(ByteBuffer.allocate(8).putLong(expireAtMillis).flip());
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
