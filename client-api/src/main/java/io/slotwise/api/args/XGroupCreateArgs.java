package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code XGROUP CREATE}: {@code MKSTREAM} (create the stream, empty, if it is missing) and
 * {@code ENTRIESREAD} (the group's logical read counter, which lets Redis compute the group's lag). Immutable;
 * {@code XGroupCreateArgs.none().mkStream()}.
 */
public final class XGroupCreateArgs {

    private static final XGroupCreateArgs NONE = new XGroupCreateArgs(false, -1);

    private final boolean mkStream;
    private final long entriesRead;

    private XGroupCreateArgs(boolean mkStream, long entriesRead) {
        this.mkStream = mkStream;
        this.entriesRead = entriesRead;
    }

    /**
     * Returns the options that add nothing: a missing stream is an error, no read counter.
     *
     * @return the default options
     */
    public static XGroupCreateArgs none() {
        return NONE;
    }

    /**
     * Returns these options with {@code MKSTREAM}.
     *
     * @return the new options
     */
    public XGroupCreateArgs mkStream() {
        return new XGroupCreateArgs(true, entriesRead);
    }

    /**
     * Returns these options with {@code ENTRIESREAD}.
     *
     * @param count the number of entries the group is considered to have read, not negative
     * @return the new options
     */
    public XGroupCreateArgs entriesRead(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("ENTRIESREAD must not be negative, was " + count);
        }
        return new XGroupCreateArgs(mkStream, count);
    }

    /**
     * Returns the RESP arguments of these options, which come after the start ID.
     *
     * @return {@code [MKSTREAM] [ENTRIESREAD n]}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(3);
        if (mkStream) {
            args.add(Tokens.of("MKSTREAM"));
        }
        if (entriesRead >= 0) {
            args.add(Tokens.of("ENTRIESREAD"));
            args.add(Tokens.of(entriesRead));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XGroupCreateArgs that && mkStream == that.mkStream && entriesRead == that.entriesRead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mkStream, entriesRead);
    }

    @Override
    public String toString() {
        return "XGroupCreateArgs[mkStream=" + mkStream + ", entriesRead=" + entriesRead + "]";
    }
}
