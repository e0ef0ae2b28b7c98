package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code GEOADD}: {@code NX} (only add new members) or {@code XX} (only update the positions of existing
 * ones), and {@code CH} (count changed members, not only added ones). Immutable; create with {@link #none()}, {@link
 * #nx()} or {@link #xx()}, then {@link #ch()}.
 */
public final class GeoAddOptions {

    private static final GeoAddOptions NONE = new GeoAddOptions(null, false);

    private final String existence;
    private final boolean changed;

    private GeoAddOptions(String existence, boolean changed) {
        this.existence = existence;
        this.changed = changed;
    }

    /**
     * Returns the options that add nothing: add new members and update existing ones, count added ones.
     *
     * @return the empty options
     */
    public static GeoAddOptions none() {
        return NONE;
    }

    /**
     * Only adds new members, never moves existing ones ({@code NX}).
     *
     * @return the options
     */
    public static GeoAddOptions nx() {
        return new GeoAddOptions("NX", false);
    }

    /**
     * Only moves existing members, never adds ({@code XX}).
     *
     * @return the options
     */
    public static GeoAddOptions xx() {
        return new GeoAddOptions("XX", false);
    }

    /**
     * Returns these options also counting changed members (added or moved), not only added ones ({@code CH}).
     *
     * @return new options
     */
    public GeoAddOptions ch() {
        return new GeoAddOptions(existence, true);
    }

    /**
     * Returns the RESP arguments of these options.
     *
     * @return {@code NX}/{@code XX} and {@code CH}, each if set, in that order; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(2);
        if (existence != null) {
            args.add(Tokens.of(existence));
        }
        if (changed) {
            args.add(Tokens.of("CH"));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeoAddOptions that
                && Objects.equals(existence, that.existence)
                && changed == that.changed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(existence, changed);
    }

    @Override
    public String toString() {
        return "GeoAddOptions[" + existence + ", ch=" + changed + "]";
    }
}
