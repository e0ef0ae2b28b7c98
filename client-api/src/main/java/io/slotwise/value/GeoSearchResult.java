package io.slotwise.value;

import java.util.Objects;

/**
 * One member found by {@code GEOSEARCH} with the details that were asked for ({@code WITHDIST}, {@code WITHHASH},
 * {@code WITHCOORD}); details that were not asked for are {@code null}.
 *
 * @param member the member, never {@code null}
 * @param distance its distance from the search's centre, in the unit of the search's radius or box; {@code null}
 *     unless asked for
 * @param hash the 52-bit geohash Redis stores as the member's score; {@code null} unless asked for
 * @param coordinates its position; {@code null} unless asked for
 * @param <V> the member type
 */
public record GeoSearchResult<V>(V member, Double distance, Long hash, GeoCoordinates coordinates) {

    /** Checks the member. */
    public GeoSearchResult {
        Objects.requireNonNull(member, "member");
    }

    /** Shows the details but not the member: members are application data and may be sensitive. */
    @Override
    public String toString() {
        return "GeoSearchResult[member=(hidden), distance=" + distance + ", hash=" + hash + ", coordinates="
                + coordinates + "]";
    }
}
