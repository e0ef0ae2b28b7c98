package io.slotwise.sim.keyspace;

/**
 * Thrown when a {@code RESTORE} payload cannot be decoded. The message is exactly the error text Redis replies with
 * (without the leading {@code -}), chosen by {@link #reason()}.
 */
public final class DumpPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a payload was rejected. */
    public enum Reason {
        /** The footer is missing, names another format version, or the checksum does not match the content. */
        VERSION_OR_CHECKSUM("ERR DUMP payload version or checksum are wrong"),
        /** The footer is intact but the body is malformed (truncated, duplicated members, trailing bytes, ...). */
        BAD_DATA_FORMAT("ERR Bad data format");

        private final String errorText;

        Reason(String errorText) {
            this.errorText = errorText;
        }

        /** Returns the exact error text Redis replies with for this reason. */
        public String errorText() {
            return errorText;
        }
    }

    /** Why the payload was rejected. */
    private final Reason reason;

    /** Creates the exception for {@code reason}; its message is {@link Reason#errorText()}. */
    public DumpPayloadException(Reason reason) {
        super(reason.errorText(), null, false, false);
        this.reason = reason;
    }

    /** Returns why the payload was rejected. */
    public Reason reason() {
        return reason;
    }
}
