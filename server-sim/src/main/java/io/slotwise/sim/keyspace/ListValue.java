package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A list of binary strings, stored in a growable ring buffer: pushes and pops at either end are amortised O(1),
 * positional reads and writes O(1), insertions and removals in the middle O(n). Indexes follow Redis: negative values
 * count from the tail ({@code -1} is the last element). Mutable and not thread-safe; see {@link Value} for the write
 * protocol.
 */
public final class ListValue implements Value {
    private static final int INITIAL_CAPACITY = 8;

    private Bytes[] slots = new Bytes[INITIAL_CAPACITY];
    private int head;
    private int size;

    /** Creates an empty list. */
    public ListValue() {}

    /** Returns the number of elements ({@code LLEN}). */
    public int size() {
        return size;
    }

    /** Returns whether the list is empty; the keyspace removes empty lists on {@link Keyspace#markModified}. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Inserts {@code element} before the first element ({@code LPUSH}). */
    public void pushFirst(Bytes element) {
        growIfFull();
        head = (head - 1) & (slots.length - 1);
        slots[head] = element;
        size++;
    }

    /** Appends {@code element} after the last element ({@code RPUSH}). */
    public void pushLast(Bytes element) {
        growIfFull();
        slots[physical(size)] = element;
        size++;
    }

    /** Removes and returns the first element, or returns {@code null} if the list is empty ({@code LPOP}). */
    public Bytes popFirst() {
        if (size == 0) {
            return null;
        }
        Bytes element = slots[head];
        slots[head] = null;
        head = (head + 1) & (slots.length - 1);
        size--;
        return element;
    }

    /** Removes and returns the last element, or returns {@code null} if the list is empty ({@code RPOP}). */
    public Bytes popLast() {
        if (size == 0) {
            return null;
        }
        int last = physical(size - 1);
        Bytes element = slots[last];
        slots[last] = null;
        size--;
        return element;
    }

    /** Returns the element at {@code index} (negative counts from the tail), or {@code null} if out of range. */
    public Bytes get(long index) {
        int position = position(index);
        return position < 0 ? null : slots[physical(position)];
    }

    /** Replaces the element at {@code index} ({@code LSET}); returns false, changing nothing, if out of range. */
    public boolean set(long index, Bytes element) {
        int position = position(index);
        if (position < 0) {
            return false;
        }
        slots[physical(position)] = element;
        return true;
    }

    /** Returns the elements from {@code start} to {@code stop} inclusive, normalised as {@code LRANGE} does. */
    public List<Bytes> range(long start, long stop) {
        IndexRange range = IndexRange.of(start, stop, size);
        if (range == null) {
            return List.of();
        }
        List<Bytes> elements = new ArrayList<>(range.length());
        for (int i = range.first(); i <= range.last(); i++) {
            elements.add(slots[physical(i)]);
        }
        return elements;
    }

    /** Keeps only the elements from {@code start} to {@code stop} inclusive ({@code LTRIM}); may empty the list. */
    public void trim(long start, long stop) {
        IndexRange range = IndexRange.of(start, stop, size);
        Bytes[] kept = new Bytes[capacityFor(range == null ? 0 : range.length())];
        if (range != null) {
            for (int i = range.first(); i <= range.last(); i++) {
                kept[i - range.first()] = slots[physical(i)];
            }
        }
        replaceContents(kept, range == null ? 0 : range.length());
    }

    /**
     * Inserts {@code element} before or after the first occurrence of {@code pivot} ({@code LINSERT}).
     *
     * @return the new length, or {@code -1} if {@code pivot} is absent (the list is unchanged)
     */
    public int insert(Bytes pivot, Bytes element, boolean before) {
        for (int i = 0; i < size; i++) {
            if (slots[physical(i)].equals(pivot)) {
                insertAt(before ? i : i + 1, element);
                return size;
            }
        }
        return -1;
    }

    /**
     * Removes occurrences of {@code element} as {@code LREM} does: the first {@code count} from the head when
     * positive, the last {@code -count} from the tail when negative, all of them when zero.
     *
     * @return the number of elements removed
     */
    public int remove(Bytes element, long count) {
        long budget = count == 0 ? Long.MAX_VALUE : Math.abs(count);
        boolean fromTail = count < 0;
        Bytes[] kept = new Bytes[slots.length];
        int keptCount = 0;
        int removed = 0;
        for (int step = 0; step < size; step++) {
            Bytes current = slots[physical(fromTail ? size - 1 - step : step)];
            if (removed < budget && current.equals(element)) {
                removed++;
            } else {
                kept[fromTail ? size - 1 - keptCount++ : keptCount++] = current;
            }
        }
        if (removed > 0) {
            if (fromTail) {
                System.arraycopy(kept, size - keptCount, kept, 0, keptCount);
                Arrays.fill(kept, keptCount, size, null);
            }
            replaceContents(kept, keptCount);
        }
        return removed;
    }

    /** Returns a snapshot of all elements, head first. */
    public List<Bytes> elements() {
        return range(0, -1);
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public ListValue copy() {
        ListValue copy = new ListValue();
        for (int i = 0; i < size; i++) {
            copy.pushLast(slots[physical(i)]);
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListValue && elements().equals(((ListValue) other).elements());
    }

    @Override
    public int hashCode() {
        return elements().hashCode();
    }

    @Override
    public String toString() {
        return "list(" + size + " elements)";
    }

    private void insertAt(int position, Bytes element) {
        growIfFull();
        if (position < size / 2) {
            head = (head - 1) & (slots.length - 1);
            for (int i = 0; i < position; i++) {
                slots[physical(i)] = slots[physical(i + 1)];
            }
        } else {
            for (int i = size; i > position; i--) {
                slots[physical(i)] = slots[physical(i - 1)];
            }
        }
        slots[physical(position)] = element;
        size++;
    }

    private int position(long index) {
        long position = index < 0 ? index + size : index;
        return position < 0 || position >= size ? -1 : (int) position;
    }

    private int physical(int position) {
        return (head + position) & (slots.length - 1);
    }

    private void growIfFull() {
        if (size == slots.length) {
            if (slots.length >= 1 << 30) {
                throw new IllegalStateException("list is full");
            }
            Bytes[] larger = new Bytes[slots.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = slots[physical(i)];
            }
            replaceContents(larger, size);
        }
    }

    private void replaceContents(Bytes[] contents, int count) {
        slots = contents;
        head = 0;
        size = count;
    }

    private static int capacityFor(int count) {
        int capacity = INITIAL_CAPACITY;
        while (capacity < count) {
            capacity <<= 1;
        }
        return capacity;
    }
}
