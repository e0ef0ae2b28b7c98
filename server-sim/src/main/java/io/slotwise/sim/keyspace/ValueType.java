package io.slotwise.sim.keyspace;

/** The six core Redis value types, each with the name the {@code TYPE} command replies with. */
public enum ValueType {
    /** A binary-safe string; {@code TYPE} replies {@code string}. */
    STRING("string"),
    /** A list of strings; {@code TYPE} replies {@code list}. */
    LIST("list"),
    /** An unordered set of distinct strings; {@code TYPE} replies {@code set}. */
    SET("set"),
    /** A set of distinct members ordered by score; {@code TYPE} replies {@code zset}. */
    ZSET("zset"),
    /** A map from field to value; {@code TYPE} replies {@code hash}. */
    HASH("hash"),
    /** An append-only log of entries with consumer groups; {@code TYPE} replies {@code stream}. */
    STREAM("stream");

    private final String redisName;

    ValueType(String redisName) {
        this.redisName = redisName;
    }

    /** Returns the name Redis uses for this type in {@code TYPE} replies and {@code SCAN ... TYPE} filters. */
    public String redisName() {
        return redisName;
    }

    /**
     * Returns the type whose {@link #redisName()} equals {@code name} ignoring ASCII case, or {@code null} if none does
     * (for {@code SCAN ... TYPE name}).
     */
    public static ValueType fromRedisName(String name) {
        for (ValueType type : values()) {
            if (type.redisName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
