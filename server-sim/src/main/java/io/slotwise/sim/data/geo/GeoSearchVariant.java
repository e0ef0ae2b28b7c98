package io.slotwise.sim.data.geo;

/**
 * The commands that share Redis's geo search, with where their source key and centre come from and whether they may
 * store. GEORADIUS and GEORADIUSBYMEMBER take STORE/STOREDIST; their {@code _RO} forms do not; GEOSEARCHSTORE stores
 * into its first key and takes only the bare STOREDIST flag.
 */
enum GeoSearchVariant {
    GEORADIUS(1, 6, false),
    GEORADIUS_RO(1, 6, false),
    GEORADIUSBYMEMBER(1, 5, false),
    GEORADIUSBYMEMBER_RO(1, 5, false),
    GEOSEARCH(1, 2, true),
    GEOSEARCHSTORE(2, 3, true);

    private final int sourceIndex;
    private final int firstOption;
    private final boolean search;

    GeoSearchVariant(int sourceIndex, int firstOption, boolean search) {
        this.sourceIndex = sourceIndex;
        this.firstOption = firstOption;
        this.search = search;
    }

    /** The argument holding the sorted set searched. */
    int sourceIndex() {
        return sourceIndex;
    }

    /** The first argument after the fixed ones. */
    int firstOption() {
        return firstOption;
    }

    /** Whether this is GEOSEARCH or GEOSEARCHSTORE, which take FROM.../BY... options. */
    boolean isSearch() {
        return search;
    }

    /** Whether the centre is a member given as argument 2 (GEORADIUSBYMEMBER and its read-only form). */
    boolean centredOnMember() {
        return this == GEORADIUSBYMEMBER || this == GEORADIUSBYMEMBER_RO;
    }

    /** Whether STORE and STOREDIST with a key are accepted (GEORADIUS and GEORADIUSBYMEMBER). */
    boolean acceptsStoreKey() {
        return this == GEORADIUS || this == GEORADIUSBYMEMBER;
    }
}
