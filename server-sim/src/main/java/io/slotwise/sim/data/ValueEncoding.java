package io.slotwise.sim.data;

import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.keyspace.ZEntry;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The internal encoding Redis 7.0 would report for a value (OBJECT ENCODING), and its reference count (OBJECT
 * REFCOUNT), derived from the value's current content with Redis's default thresholds:
 *
 * <ul>
 *   <li>string: {@code int} for a 64-bit integer in canonical form of at most 20 bytes, {@code embstr} up to 44 bytes,
 *       {@code raw} beyond;
 *   <li>list: always {@code quicklist} (7.0 has no listpack lists);
 *   <li>set: {@code intset} for at most 512 integer members ({@code set-max-intset-entries}), else {@code hashtable};
 *   <li>hash: {@code listpack} for at most 512 entries ({@code hash-max-listpack-entries}) whose fields and values are
 *       at most 64 bytes ({@code hash-max-listpack-value}), else {@code hashtable};
 *   <li>stream: always {@code stream};
 *   <li>sorted set: {@code listpack} for at most 128 members ({@code zset-max-listpack-entries}) of at most 64 bytes
 *       ({@code zset-max-listpack-value}), else {@code skiplist}.
 * </ul>
 *
 * Simplifications: Redis never converts a collection back to the compact encoding when it shrinks, and strings
 * written by APPEND or SETRANGE to an existing key are {@code raw} whatever their length; here the encoding always
 * follows the current content. The integers 0..9999 are shared objects in Redis, with the reference count {@code
 * 2147483647}; every other value has the count 1. Stateless.
 */
final class ValueEncoding {
    private static final int EMBSTR_LIMIT = 44;
    private static final int INT_LIMIT = 20;
    private static final int SET_MAX_INTSET_ENTRIES = 512;
    private static final int HASH_MAX_LISTPACK_ENTRIES = 512;
    private static final int ZSET_MAX_LISTPACK_ENTRIES = 128;
    private static final int MAX_LISTPACK_VALUE = 64;
    private static final long SHARED_INTEGERS = 10_000;
    private static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    private ValueEncoding() {}

    /** Returns the name OBJECT ENCODING answers for {@code value}. */
    static String of(Value value) {
        if (value instanceof StringValue string) {
            if (integerValue(string).isPresent()) {
                return "int";
            }
            return string.length() <= EMBSTR_LIMIT ? "embstr" : "raw";
        } else if (value instanceof ListValue) {
            return "quicklist";
        } else if (value instanceof SetValue set) {
            return set.size() <= SET_MAX_INTSET_ENTRIES && allIntegers(set) ? "intset" : "hashtable";
        } else if (value instanceof StreamValue) {
            return "stream";
        } else if (value instanceof HashValue hash) {
            return hash.size() <= HASH_MAX_LISTPACK_ENTRIES && allShort(hash) ? "listpack" : "hashtable";
        }
        SortedSetValue zset = (SortedSetValue) value;
        return zset.size() <= ZSET_MAX_LISTPACK_ENTRIES && allShort(zset) ? "listpack" : "skiplist";
    }

    /** Returns the count OBJECT REFCOUNT answers for {@code value}. */
    static long refCount(Value value) {
        if (value instanceof StringValue string) {
            OptionalLong integer = integerValue(string);
            if (integer.isPresent() && integer.getAsLong() >= 0 && integer.getAsLong() < SHARED_INTEGERS) {
                return SHARED_REFCOUNT;
            }
        }
        return 1;
    }

    private static OptionalLong integerValue(StringValue string) {
        return string.length() <= INT_LIMIT ? RedisNumbers.parseLong(string.toByteArray()) : OptionalLong.empty();
    }

    private static boolean allIntegers(SetValue set) {
        for (Bytes member : set.members()) {
            if (RedisNumbers.parseLong(member.toByteArray()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allShort(HashValue hash) {
        for (Map.Entry<Bytes, Bytes> entry : hash.entries()) {
            if (entry.getKey().length() > MAX_LISTPACK_VALUE || entry.getValue().length() > MAX_LISTPACK_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static boolean allShort(SortedSetValue zset) {
        for (ZEntry entry : zset.entries()) {
            if (entry.member().length() > MAX_LISTPACK_VALUE) {
                return false;
            }
        }
        return true;
    }
}
