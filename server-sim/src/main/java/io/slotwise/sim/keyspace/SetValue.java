package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A set of distinct binary strings. Membership tests, insertions, removals and uniform random picks take expected
 * O(log n); members are kept in scan order, which depends only on the content. Mutable and not thread-safe; see
 * {@link Value} for the write protocol.
 */
public final class SetValue implements Value {
    private final RankedSet<Bytes> members = new RankedSet<>(Bytes.SCAN_ORDER);

    /** Creates an empty set. */
    public SetValue() {}

    /** Returns the number of members ({@code SCARD}). */
    public int size() {
        return members.size();
    }

    /** Returns whether the set has no members; the keyspace removes such sets on {@link Keyspace#markModified}. */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Returns whether {@code member} is present. */
    public boolean contains(Bytes member) {
        return members.contains(member);
    }

    /** Adds {@code member}; returns whether it was new. */
    public boolean add(Bytes member) {
        return members.add(member);
    }

    /** Removes {@code member}; returns whether it was present. */
    public boolean remove(Bytes member) {
        return members.remove(member);
    }

    /** Returns a snapshot of the members in scan order ({@code SMEMBERS}). */
    public List<Bytes> members() {
        List<Bytes> snapshot = new ArrayList<>(members.size());
        members.forEach(snapshot::add);
        return snapshot;
    }

    /** Returns a member chosen uniformly at random, or {@code null} if the set is empty ({@code SRANDMEMBER}). */
    public Bytes randomMember(RandomGenerator random) {
        return HashOrderedScan.random(members, random);
    }

    /**
     * Returns one page of an {@code SSCAN}: members in scan order starting at {@code cursor} ({@code 0} to start).
     * Every member present for the whole scan is returned exactly once; see {@link ScanPage}. {@code MATCH} filtering is
     * left to the caller.
     *
     * @param count the number of members to aim for; must be positive
     */
    public ScanPage<Bytes> scan(long cursor, int count) {
        return HashOrderedScan.scan(members, cursor, count, member -> member);
    }

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public SetValue copy() {
        SetValue copy = new SetValue();
        members.forEach(copy.members::add);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SetValue) || ((SetValue) other).size() != size()) {
            return false;
        }
        for (Bytes member : members) {
            if (!((SetValue) other).contains(member)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Bytes member : members) {
            hash += member.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "set(" + members.size() + " members)";
    }
}
