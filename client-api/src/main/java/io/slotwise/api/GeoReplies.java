package io.slotwise.api;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.api.args.GeoSearchDetail;
import io.slotwise.command.ReplyDecoder;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import io.slotwise.value.GeoCoordinates;
import io.slotwise.value.GeoSearchResult;
import java.util.List;
import java.util.Set;

/**
 * Decoders of geo replies. Coordinates come as bulk strings in RESP2 and as doubles in RESP3; distances as bulk
 * strings in both (Redis 7.0), or doubles where a server sends them so.
 */
final class GeoReplies {

    private static final ReplyDecoder<List<Double>> NUMBERS = ReplyDecoders.list(ReplyDecoders.doubleValue());

    private GeoReplies() {}

    /** A position: a two-element array of longitude and latitude, or null for a missing member. */
    static GeoCoordinates coordinates(RespValue reply) {
        if (reply.isNull()) {
            return null;
        }
        List<Double> pair = NUMBERS.decode(reply);
        if (pair.size() != 2 || pair.contains(null)) {
            throw new UnexpectedReplyException("an array of a longitude and a latitude, or null", reply);
        }
        try {
            return new GeoCoordinates(pair.get(0), pair.get(1));
        } catch (IllegalArgumentException e) {
            throw new UnexpectedReplyException("coordinates in range", reply);
        }
    }

    /**
     * The elements of {@code GEOSEARCH ... WITH...}: each an array of the member, then the distance, the hash and the
     * position, each only if asked for, in that order whatever order they were asked in.
     */
    static <V> ReplyDecoder<List<GeoSearchResult<V>>> searchResults(
            ReplyDecoder<V> members, Set<GeoSearchDetail> details) {
        boolean withDistance = details.contains(GeoSearchDetail.DISTANCE);
        boolean withHash = details.contains(GeoSearchDetail.HASH);
        boolean withCoordinates = details.contains(GeoSearchDetail.COORDINATES);
        int width = 1 + details.size();
        ReplyDecoder<GeoSearchResult<V>> element = reply -> {
            List<RespValue> parts = ReplyDecoders.list(ReplyDecoders.raw()).decode(reply);
            if (parts.size() != width) {
                throw new UnexpectedReplyException("an array of a member and " + details.size() + " detail(s)", reply);
            }
            V member = members.decode(parts.get(0));
            if (member == null) {
                throw new UnexpectedReplyException("a member", parts.get(0));
            }
            int next = 1;
            Double dist = withDistance ? present(ReplyDecoders.doubleValue().decode(parts.get(next++)), parts) : null;
            Long geohash = withHash ? ReplyDecoders.integer().decode(parts.get(next++)) : null;
            GeoCoordinates position = withCoordinates ? present(coordinates(parts.get(next)), parts) : null;
            return new GeoSearchResult<>(member, dist, geohash, position);
        };
        return ReplyDecoders.list(element);
    }

    private static <T> T present(T decoded, List<RespValue> parts) {
        if (decoded == null) {
            throw new UnexpectedReplyException("a search result without null details", new RespValue.Array(parts));
        }
        return decoded;
    }
}
