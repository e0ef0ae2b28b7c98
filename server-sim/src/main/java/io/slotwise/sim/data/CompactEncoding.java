package io.slotwise.sim.data;

import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which collections Redis 7.0 would keep in a compact encoding under its default thresholds: a listpack for hashes of
 * at most 512 entries and sorted sets of at most 128 entries, whose fields, values and members are at most 64 bytes,
 * and an intset for sets of at most 512 integers. Redis scans a compact collection in one call whatever the COUNT
 * (HSCAN, SSCAN, ZSCAN answer cursor 0 at once), iterates an intset in numeric order, a hash listpack in insertion
 * order and a sorted-set listpack in score order; the commands here copy that. Unlike Redis, which never
 * converts back, the decision is made on the current content. Stateless.
 */
final class CompactEncoding {
    static final int HASH_MAX_LISTPACK_ENTRIES = 512;
    static final int HASH_MAX_LISTPACK_VALUE = 64;
    static final int SET_MAX_INTSET_ENTRIES = 512;
    static final int ZSET_MAX_LISTPACK_ENTRIES = 128;
    static final int ZSET_MAX_LISTPACK_VALUE = 64;

    private CompactEncoding() {}

    /** Whether Redis would keep the hash in a listpack. */
    static boolean isListpack(HashValue hash) {
        if (hash.size() > HASH_MAX_LISTPACK_ENTRIES) {
            return false;
        }
        for (Map.Entry<Bytes, Bytes> entry : hash.asMap().entrySet()) {
            if (entry.getKey().length() > HASH_MAX_LISTPACK_VALUE
                    || entry.getValue().length() > HASH_MAX_LISTPACK_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Whether Redis would keep the set in an intset: every member a 64-bit integer in canonical form. */
    static boolean isIntset(SetValue set) {
        if (set.size() > SET_MAX_INTSET_ENTRIES) {
            return false;
        }
        for (Bytes member : set.members()) {
            if (RedisNumbers.parseLong(member.toByteArray()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether Redis would keep the sorted set in a listpack. */
    static boolean isListpack(SortedSetValue zset) {
        if (zset.size() > ZSET_MAX_LISTPACK_ENTRIES) {
            return false;
        }
        for (ZEntry entry : zset.entries()) {
            if (entry.member().length() > ZSET_MAX_LISTPACK_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Returns the members in the order Redis iterates them: numeric for an intset, the scan order otherwise. */
    static List<Bytes> iterationOrder(SetValue set) {
        List<Bytes> members = set.members();
        if (isIntset(set)) {
            members.sort(Comparator.comparingLong(
                    member -> RedisNumbers.parseLong(member.toByteArray()).getAsLong()));
        }
        return members;
    }

    /**
     * Returns the entries of a hash in the order Redis iterates them (HGETALL, HKEYS, HVALS, HSCAN, HRANDFIELD):
     * insertion order for a listpack, the scan order otherwise.
     */
    static List<Map.Entry<Bytes, Bytes>> iterationOrder(HashValue hash) {
        return isListpack(hash) ? hash.entriesInInsertionOrder() : hash.entries();
    }
}
