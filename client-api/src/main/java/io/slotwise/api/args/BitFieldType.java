package io.slotwise.api.args;

/**
 * The type of a {@code BITFIELD} field: signed with 1 to 64 bits ({@code i8}) or unsigned with 1 to 63 bits ({@code
 * u8}; Redis replies with 64-bit signed integers, so {@code u64} does not exist).
 *
 * @param signed whether the field holds a two's complement signed integer
 * @param bits the width in bits
 */
public record BitFieldType(boolean signed, int bits) {

    /**
     * Checks the width.
     *
     * @throws IllegalArgumentException for a width Redis does not accept
     */
    public BitFieldType {
        int max = signed ? 64 : 63;
        if (bits < 1 || bits > max) {
            throw new IllegalArgumentException("BITFIELD: a " + (signed ? "signed" : "unsigned") + " field has 1 to "
                    + max + " bits, not " + bits);
        }
    }

    /**
     * A signed field ({@code i<bits>}).
     *
     * @param bits 1 to 64
     * @return the type
     */
    public static BitFieldType signed(int bits) {
        return new BitFieldType(true, bits);
    }

    /**
     * An unsigned field ({@code u<bits>}).
     *
     * @param bits 1 to 63
     * @return the type
     */
    public static BitFieldType unsigned(int bits) {
        return new BitFieldType(false, bits);
    }

    /**
     * Returns the type's RESP argument.
     *
     * @return for example {@code i8} or {@code u16}
     */
    public String token() {
        return (signed ? "i" : "u") + bits;
    }
}
