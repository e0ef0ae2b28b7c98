package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The operations of one {@code BITFIELD} (or, with {@code GET}s only, {@code BITFIELD_RO}) call, in the order they
 * run: {@code GET}, {@code SET}, {@code INCRBY}, and {@code OVERFLOW} which changes how the {@code SET}s and {@code
 * INCRBY}s after it handle overflow. The reply has one element per {@code GET}, {@code SET} and {@code INCRBY}, in
 * order ({@code OVERFLOW} has none). Immutable; build with {@link #builder()}.
 *
 * <p>Offsets are bit offsets from the start of the string; a field must end within the first 2<sup>32</sup> bits.
 */
public final class BitFieldArgs {

    private static final long MAX_BITS = 1L << 32;

    private final List<String> tokens;
    private final int operations;
    private final boolean readOnly;

    private BitFieldArgs(List<String> tokens, int operations, boolean readOnly) {
        this.tokens = tokens;
        this.operations = operations;
        this.readOnly = readOnly;
    }

    /**
     * Starts building operations.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many elements the reply has: one per {@code GET}, {@code SET} and {@code INCRBY}.
     *
     * @return at least 1
     */
    public int operations() {
        return operations;
    }

    /**
     * Tells whether these operations only read, so that {@code BITFIELD_RO} accepts them.
     *
     * @return {@code true} if every operation is a {@code GET} and there is no {@code OVERFLOW}
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Returns the RESP arguments of these operations.
     *
     * @return the operations' tokens in order; fresh arrays
     */
    public List<byte[]> arguments() {
        return tokens.stream().map(Tokens::of).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitFieldArgs that && tokens.equals(that.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "BitFieldArgs" + tokens;
    }

    /** Builds {@link BitFieldArgs}; each method checks its arguments at once. Not thread-safe. */
    public static final class Builder {

        private final List<String> tokens = new ArrayList<>();
        private int operations;
        private boolean readOnly = true;

        private Builder() {}

        /**
         * Reads a field ({@code GET type offset}).
         *
         * @param type the field's type
         * @param offset the bit offset of its first bit
         * @return this builder
         * @throws IllegalArgumentException if the field would not end within the first 2<sup>32</sup> bits
         */
        public Builder get(BitFieldType type, long offset) {
            return operation("GET", type, offset);
        }

        /**
         * Writes a field and answers its previous value ({@code SET type offset value}); a value that does not fit
         * is handled as the current {@link #overflow} says.
         *
         * @param type the field's type
         * @param offset the bit offset of its first bit
         * @param value the new value
         * @return this builder
         * @throws IllegalArgumentException if the field would not end within the first 2<sup>32</sup> bits
         */
        public Builder set(BitFieldType type, long offset, long value) {
            operation("SET", type, offset).tokens.add(Long.toString(value));
            readOnly = false;
            return this;
        }

        /**
         * Adds to a field and answers its new value ({@code INCRBY type offset increment}); overflow is handled as
         * the current {@link #overflow} says.
         *
         * @param type the field's type
         * @param offset the bit offset of its first bit
         * @param increment the amount to add, may be negative
         * @return this builder
         * @throws IllegalArgumentException if the field would not end within the first 2<sup>32</sup> bits
         */
        public Builder incrBy(BitFieldType type, long offset, long increment) {
            operation("INCRBY", type, offset).tokens.add(Long.toString(increment));
            readOnly = false;
            return this;
        }

        /**
         * Sets how the following {@code SET}s and {@code INCRBY}s handle overflow ({@code OVERFLOW WRAP|SAT|FAIL});
         * until the first one, {@link BitFieldOverflow#WRAP}.
         *
         * @param overflow the behaviour
         * @return this builder
         */
        public Builder overflow(BitFieldOverflow overflow) {
            Objects.requireNonNull(overflow, "overflow");
            tokens.add("OVERFLOW");
            tokens.add(overflow.name());
            readOnly = false;
            return this;
        }

        /**
         * Builds the operations.
         *
         * @return the operations
         * @throws IllegalStateException if no {@code GET}, {@code SET} or {@code INCRBY} was added
         */
        public BitFieldArgs build() {
            if (operations == 0) {
                throw new IllegalStateException("BITFIELD needs at least one GET, SET or INCRBY operation");
            }
            return new BitFieldArgs(List.copyOf(tokens), operations, readOnly);
        }

        private Builder operation(String name, BitFieldType type, long offset) {
            Objects.requireNonNull(type, "type");
            if (offset < 0 || offset + type.bits() > MAX_BITS) {
                throw new IllegalArgumentException("BITFIELD: a " + type.token() + " field at bit offset " + offset
                        + " must start at offset 0 or later and end within the first 2^32 bits");
            }
            tokens.add(name);
            tokens.add(type.token());
            tokens.add(Long.toString(offset));
            operations++;
            return this;
        }
    }
}
