package io.slotwise.api;

import io.slotwise.api.args.GeoSearchDetail;
import io.slotwise.command.CommandBuilder;
import io.slotwise.value.GeoCoordinates;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The parts of {@code GEOSEARCH} and {@code GEOSEARCHSTORE} shared by their overloads. */
final class GeoSearchCommands {

    private GeoSearchCommands() {}

    /** Appends {@code FROMLONLAT longitude latitude}. */
    static <K, V> CommandBuilder<K, V> fromLonLat(CommandBuilder<K, V> command, GeoCoordinates centre) {
        Objects.requireNonNull(centre, "GEOSEARCH: the centre must not be null");
        return command.arg("FROMLONLAT").arg(centre.longitude()).arg(centre.latitude());
    }

    /** The details asked for: at least one, as an ordered copy. */
    static Set<GeoSearchDetail> details(Set<GeoSearchDetail> details) {
        Objects.requireNonNull(details, "GEOSEARCH: the details must not be null");
        if (details.isEmpty()) {
            throw new IllegalArgumentException(
                    "GEOSEARCH needs at least one of WITHCOORD, WITHDIST, WITHHASH here; use geosearch for members only");
        }
        return EnumSet.copyOf(details);
    }

    /** {@code WITHCOORD WITHDIST WITHHASH}, each if asked for, in that order. */
    static List<byte[]> detailArguments(Set<GeoSearchDetail> details) {
        return details.stream()
                .map(detail -> detail.token().getBytes(StandardCharsets.US_ASCII))
                .toList();
    }

    /** Appends {@code STOREDIST} if asked for. */
    static <K, V> CommandBuilder<K, V> storeDistances(CommandBuilder<K, V> command, boolean storeDistances) {
        return storeDistances ? command.arg("STOREDIST") : command;
    }
}
