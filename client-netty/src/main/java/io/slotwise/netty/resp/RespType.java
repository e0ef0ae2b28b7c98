package io.slotwise.netty.resp;

/** The RESP2 and RESP3 type markers: the first byte of every value. */
enum RespType {
    SIMPLE_STRING('+', "simple string", Shape.LINE),
    SIMPLE_ERROR('-', "simple error", Shape.LINE),
    INTEGER(':', "integer", Shape.LINE),
    NULL('_', "null", Shape.LINE),
    DOUBLE(',', "double", Shape.LINE),
    BOOLEAN('#', "boolean", Shape.LINE),
    BIG_NUMBER('(', "big number", Shape.LINE),
    BULK_STRING('$', "bulk", Shape.BLOB),
    BLOB_ERROR('!', "blob error", Shape.BLOB),
    VERBATIM_STRING('=', "verbatim string", Shape.BLOB),
    ARRAY('*', "array", Shape.AGGREGATE),
    MAP('%', "map", Shape.AGGREGATE),
    SET('~', "set", Shape.AGGREGATE),
    PUSH('>', "push", Shape.AGGREGATE),
    ATTRIBUTE('|', "attribute", Shape.AGGREGATE);

    /** How the bytes after the marker are laid out. */
    enum Shape {
        /** The value is the rest of the line. */
        LINE,
        /** A length line, then that many payload bytes, then CRLF. */
        BLOB,
        /** A count line, then that many values (twice as many for maps and attribute maps). */
        AGGREGATE
    }

    private static final RespType[] BY_MARKER = new RespType[256];

    static {
        for (RespType type : values()) {
            BY_MARKER[type.marker] = type;
        }
    }

    private final char marker;
    private final String label;
    private final Shape shape;

    RespType(char marker, String label, Shape shape) {
        this.marker = marker;
        this.label = label;
        this.shape = shape;
    }

    /** Returns the type for a marker byte, or {@code null} if the byte is not a RESP type marker. */
    static RespType ofMarker(byte marker) {
        return BY_MARKER[marker & 0xff];
    }

    /** A lower-case name for error messages, for example {@code bulk} in "Invalid bulk length -5". */
    String label() {
        return label;
    }

    Shape shape() {
        return shape;
    }

    /** Maps and attribute maps announce entries but carry two values per entry. */
    boolean isKeyed() {
        return this == MAP || this == ATTRIBUTE;
    }
}
