package io.slotwise.api.args;

import io.slotwise.value.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code XADD}: {@code NOMKSTREAM} (do not create a missing stream), a {@link StreamTrim} applied after the
 * add, and the entry's ID: {@code *} (the server chooses, the default) or an explicit ID, which must be greater than
 * the stream's last ID. Immutable; {@code XAddArgs.none().noMkStream().trim(StreamTrim.maxLen(1000))}.
 */
public final class XAddArgs {

    private static final XAddArgs NONE = new XAddArgs(false, null, null);

    private final boolean noMkStream;
    private final StreamTrim trim;
    private final StreamId id;

    private XAddArgs(boolean noMkStream, StreamTrim trim, StreamId id) {
        this.noMkStream = noMkStream;
        this.trim = trim;
        this.id = id;
    }

    /**
     * Returns the options that add nothing: ID {@code *}, stream created if missing, no trimming.
     *
     * @return the default options
     */
    public static XAddArgs none() {
        return NONE;
    }

    /**
     * Returns these options with {@code NOMKSTREAM}: {@code XADD} on a missing stream adds nothing and answers null.
     *
     * @return the new options
     */
    public XAddArgs noMkStream() {
        return new XAddArgs(true, trim, id);
    }

    /**
     * Returns these options trimming the stream after the add.
     *
     * @param trimming how to trim, never {@code null}
     * @return the new options
     */
    public XAddArgs trim(StreamTrim trimming) {
        return new XAddArgs(noMkStream, Objects.requireNonNull(trimming, "trimming"), id);
    }

    /**
     * Returns these options with an explicit entry ID instead of {@code *}.
     *
     * @param entryId the ID, greater than {@code 0-0} and than the stream's last ID (the server checks the latter)
     * @return the new options
     * @throws IllegalArgumentException for {@code 0-0}, which Redis never accepts as an entry ID
     */
    public XAddArgs id(StreamId entryId) {
        if (StreamId.MIN.equals(Objects.requireNonNull(entryId, "entryId"))) {
            throw new IllegalArgumentException("XADD does not accept the ID 0-0; use an ID greater than 0-0");
        }
        return new XAddArgs(noMkStream, trim, entryId);
    }

    /**
     * Returns the RESP arguments of these options, which come between the key and the field-value pairs.
     *
     * @return {@code [NOMKSTREAM] [trimming] id|*}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(7);
        if (noMkStream) {
            args.add(Tokens.of("NOMKSTREAM"));
        }
        if (trim != null) {
            args.addAll(trim.arguments());
        }
        args.add(Tokens.of(id == null ? "*" : id.toString()));
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XAddArgs that
                && noMkStream == that.noMkStream
                && Objects.equals(trim, that.trim)
                && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(noMkStream, trim, id);
    }

    @Override
    public String toString() {
        return "XAddArgs[" + (noMkStream ? "NOMKSTREAM " : "") + (trim == null ? "" : trim + " ")
                + (id == null ? "*" : id) + "]";
    }
}
