package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.doubleValue;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.text;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.GeoAddOptions;
import io.slotwise.api.args.GeoSearch;
import io.slotwise.api.args.GeoSearchDetail;
import io.slotwise.api.args.GeoUnit;
import io.slotwise.command.CommandBuilder;
import io.slotwise.value.GeoCoordinates;
import io.slotwise.value.GeoSearchResult;
import io.slotwise.value.GeoValue;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Commands on geo indexes: sorted sets whose scores are 52-bit geohashes of positions. Members are encoded with the
 * value codec; positions are {@link GeoCoordinates} (longitude first). Distances are computed by Redis on a sphere
 * (the haversine formula) and returned in the unit asked for; coordinates returned are the stored geohash's centre,
 * within about 0.6 m of what was added. RESP2 and RESP3 replies decode alike.
 *
 * <p>{@code GEOSEARCHSTORE} reads one key and writes another: they must share one slot, or the call throws {@link
 * io.slotwise.CrossSlotException} naming the keys and their slots before anything is sent. See {@link
 * CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface GeoCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code GEOADD key longitude latitude member}.
     *
     * @param key the key
     * @param longitude degrees east, from -180 to 180
     * @param latitude degrees north, from -85.05112878 to 85.05112878
     * @param member the member
     * @return 1 if added, 0 if its position was updated
     * @throws IllegalArgumentException if a coordinate is out of range
     */
    default CompletionStage<Long> geoadd(K key, double longitude, double latitude, V member) {
        return geoadd(key, GeoAddOptions.none(), List.of(GeoValue.of(longitude, latitude, member)));
    }

    /**
     * {@code GEOADD key [NX|XX] [CH] longitude latitude member...}.
     *
     * @param key the key
     * @param options the condition and whether to count changes
     * @param members the members with their positions, at least one
     * @return the number of members added, or added and moved with {@code CH}
     */
    default CompletionStage<Long> geoadd(K key, GeoAddOptions options, List<GeoValue<V>> members) {
        CommandBuilder<K, V> command = command("GEOADD").key(key).args(options.arguments());
        for (GeoValue<V> member : ArgumentChecks.atLeastOne("GEOADD", "member", members)) {
            command.arg(member.coordinates().longitude())
                    .arg(member.coordinates().latitude())
                    .value(member.value());
        }
        return execute(command.decodedBy(integer()));
    }

    /**
     * {@code GEOPOS key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return one position per member, in order, {@code null} for non-members
     */
    default CompletionStage<List<GeoCoordinates>> geopos(K key, List<V> members) {
        return execute(
                command("GEOPOS").key(key).values(members).traits(READ_ONLY).decodedBy(list(GeoReplies::coordinates)));
    }

    /**
     * {@code GEODIST key member1 member2 unit}.
     *
     * @param key the key
     * @param from one member
     * @param to the other member
     * @param unit the unit of the result
     * @return the distance (Redis rounds it to 4 decimals), or {@code null} if either is not a member
     */
    default CompletionStage<Double> geodist(K key, V from, V to, GeoUnit unit) {
        return execute(command("GEODIST")
                .key(key)
                .value(from)
                .value(to)
                .arg(Objects.requireNonNull(unit, "GEODIST: unit must not be null")
                        .token())
                .traits(READ_ONLY)
                .decodedBy(doubleValue()));
    }

    /**
     * {@code GEOHASH key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return one 11-character standard geohash per member, in order, {@code null} for non-members
     */
    default CompletionStage<List<String>> geohash(K key, List<V> members) {
        return execute(
                command("GEOHASH").key(key).values(members).traits(READ_ONLY).decodedBy(list(text())));
    }

    /**
     * {@code GEOSEARCH key FROMMEMBER member BYRADIUS|BYBOX ... [ASC|DESC] [COUNT n [ANY]]}.
     *
     * @param key the key
     * @param centre the member at the centre of the area
     * @param search the area, order and limit
     * @return the members in the area; empty if the key does not exist
     */
    default CompletionStage<List<V>> geosearch(K key, V centre, GeoSearch search) {
        return execute(command("GEOSEARCH")
                .key(key)
                .arg("FROMMEMBER")
                .value(centre)
                .args(search.arguments())
                .traits(READ_ONLY)
                .decodedBy(list(value(codec()))));
    }

    /**
     * {@code GEOSEARCH key FROMLONLAT longitude latitude BYRADIUS|BYBOX ... [ASC|DESC] [COUNT n [ANY]]}.
     *
     * @param key the key
     * @param centre the position of the centre of the area
     * @param search the area, order and limit
     * @return the members in the area; empty if the key does not exist
     */
    default CompletionStage<List<V>> geosearch(K key, GeoCoordinates centre, GeoSearch search) {
        return execute(GeoSearchCommands.fromLonLat(command("GEOSEARCH").key(key), centre)
                .args(search.arguments())
                .traits(READ_ONLY)
                .decodedBy(list(value(codec()))));
    }

    /**
     * {@code GEOSEARCH key FROMMEMBER member ... [WITHCOORD] [WITHDIST] [WITHHASH]}.
     *
     * @param key the key
     * @param centre the member at the centre of the area
     * @param search the area, order and limit
     * @param details which details to return with each member, at least one
     * @return the members in the area with the details asked for
     */
    default CompletionStage<List<GeoSearchResult<V>>> geosearchWith(
            K key, V centre, GeoSearch search, Set<GeoSearchDetail> details) {
        Set<GeoSearchDetail> asked = GeoSearchCommands.details(details);
        return execute(command("GEOSEARCH")
                .key(key)
                .arg("FROMMEMBER")
                .value(centre)
                .args(search.arguments())
                .args(GeoSearchCommands.detailArguments(asked))
                .traits(READ_ONLY)
                .decodedBy(GeoReplies.searchResults(value(codec()), asked)));
    }

    /**
     * {@code GEOSEARCH key FROMLONLAT longitude latitude ... [WITHCOORD] [WITHDIST] [WITHHASH]}.
     *
     * @param key the key
     * @param centre the position of the centre of the area
     * @param search the area, order and limit
     * @param details which details to return with each member, at least one
     * @return the members in the area with the details asked for
     */
    default CompletionStage<List<GeoSearchResult<V>>> geosearchWith(
            K key, GeoCoordinates centre, GeoSearch search, Set<GeoSearchDetail> details) {
        Set<GeoSearchDetail> asked = GeoSearchCommands.details(details);
        return execute(GeoSearchCommands.fromLonLat(command("GEOSEARCH").key(key), centre)
                .args(search.arguments())
                .args(GeoSearchCommands.detailArguments(asked))
                .traits(READ_ONLY)
                .decodedBy(GeoReplies.searchResults(value(codec()), asked)));
    }

    /**
     * {@code GEOSEARCHSTORE destination source FROMMEMBER member ... [STOREDIST]}: stores the members found (with
     * their geohashes as scores, or with {@code STOREDIST} their distances) as a sorted set, replacing the
     * destination; deletes the destination when nothing is found.
     *
     * @param destination the key to store into, in the source's slot
     * @param source the geo index to search
     * @param centre the member at the centre of the area
     * @param search the area, order and limit
     * @param storeDistances {@code true} to score members by distance ({@code STOREDIST}) instead of geohash, which
     *     makes the destination an ordinary sorted set rather than a geo index
     * @return the number of members stored
     * @throws io.slotwise.CrossSlotException if the two keys are in different slots
     */
    default CompletionStage<Long> geosearchstore(
            K destination, K source, V centre, GeoSearch search, boolean storeDistances) {
        return execute(GeoSearchCommands.storeDistances(
                        command("GEOSEARCHSTORE")
                                .key(destination)
                                .key(source)
                                .arg("FROMMEMBER")
                                .value(centre)
                                .args(search.arguments()),
                        storeDistances)
                .decodedBy(integer()));
    }

    /**
     * {@code GEOSEARCHSTORE destination source FROMLONLAT longitude latitude ... [STOREDIST]}, as {@link
     * #geosearchstore(Object, Object, Object, GeoSearch, boolean)} with a position as the centre.
     *
     * @param destination the key to store into, in the source's slot
     * @param source the geo index to search
     * @param centre the position of the centre of the area
     * @param search the area, order and limit
     * @param storeDistances {@code true} to score members by distance ({@code STOREDIST}) instead of geohash
     * @return the number of members stored
     * @throws io.slotwise.CrossSlotException if the two keys are in different slots
     */
    default CompletionStage<Long> geosearchstore(
            K destination, K source, GeoCoordinates centre, GeoSearch search, boolean storeDistances) {
        return execute(GeoSearchCommands.storeDistances(
                        GeoSearchCommands.fromLonLat(
                                        command("GEOSEARCHSTORE")
                                                .key(destination)
                                                .key(source),
                                        centre)
                                .args(search.arguments()),
                        storeDistances)
                .decodedBy(integer()));
    }
}
