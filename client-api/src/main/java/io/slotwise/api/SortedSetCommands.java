package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.doubleValue;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.integerOrNull;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.scanPage;
import static io.slotwise.command.ReplyDecoders.scoredValue;
import static io.slotwise.command.ReplyDecoders.scoredValues;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.api.args.ScoreBound;
import io.slotwise.api.args.ZAddOptions;
import io.slotwise.api.args.ZRangeQuery;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on sorted sets. Scores are doubles; RESP2 and RESP3 score replies decode alike. See {@link CommandExecutor}
 * for the error contract.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface SortedSetCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code ZADD key score member}.
     *
     * @param key the key
     * @param score the score, not NaN
     * @param member the member
     * @return 1 if added, 0 if its score was updated
     */
    default CompletionStage<Long> zadd(K key, double score, V member) {
        return zadd(key, ZAddOptions.none(), List.of(ScoredValue.of(score, member)));
    }

    /**
     * {@code ZADD key score member...}.
     *
     * @param key the key
     * @param members the members with their scores, at least one
     * @return the number of members added
     */
    default CompletionStage<Long> zadd(K key, List<ScoredValue<V>> members) {
        return zadd(key, ZAddOptions.none(), members);
    }

    /**
     * {@code ZADD key [NX|XX] [GT|LT] [CH] score member...}.
     *
     * @param key the key
     * @param options the conditions and whether to count changes
     * @param members the members with their scores, at least one
     * @return the number of members added, or changed with {@code CH}
     */
    default CompletionStage<Long> zadd(K key, ZAddOptions options, List<ScoredValue<V>> members) {
        return execute(command("ZADD")
                .key(key)
                .args(options.arguments())
                .scoredValues(members)
                .decodedBy(integer()));
    }

    /**
     * {@code ZADD key [NX|XX] [GT|LT] INCR increment member}: like {@link #zincrby} with conditions.
     *
     * @param key the key
     * @param options the conditions ({@code CH} has no effect with {@code INCR})
     * @param increment the amount to add to the score
     * @param member the member
     * @return the new score, or {@code null} when a condition stopped the update
     */
    default CompletionStage<Double> zaddIncr(K key, ZAddOptions options, double increment, V member) {
        return execute(command("ZADD")
                .key(key)
                .args(options.arguments())
                .arg("INCR")
                .arg(increment)
                .value(member)
                .decodedBy(doubleValue()));
    }

    /**
     * {@code ZREM key member}.
     *
     * @param key the key
     * @param member the member
     * @return 1 if removed, 0 if absent
     */
    default CompletionStage<Long> zrem(K key, V member) {
        return zrem(key, List.of(member));
    }

    /**
     * {@code ZREM key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members removed
     */
    default CompletionStage<Long> zrem(K key, List<V> members) {
        return execute(command("ZREM").key(key).values(members).decodedBy(integer()));
    }

    /**
     * {@code ZSCORE key member}.
     *
     * @param key the key
     * @param member the member
     * @return its score, or {@code null} if it is not a member
     */
    default CompletionStage<Double> zscore(K key, V member) {
        return execute(
                command("ZSCORE").key(key).value(member).traits(READ_ONLY).decodedBy(doubleValue()));
    }

    /**
     * {@code ZMSCORE key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return one score per member, in order, {@code null} for non-members
     */
    default CompletionStage<List<Double>> zmscore(K key, List<V> members) {
        return execute(
                command("ZMSCORE").key(key).values(members).traits(READ_ONLY).decodedBy(list(doubleValue())));
    }

    /**
     * {@code ZINCRBY key increment member}.
     *
     * @param key the key
     * @param increment the amount to add to the score
     * @param member the member, added with score {@code increment} if absent
     * @return the new score
     */
    default CompletionStage<Double> zincrby(K key, double increment, V member) {
        return execute(command("ZINCRBY").key(key).arg(increment).value(member).decodedBy(doubleValue()));
    }

    /**
     * {@code ZCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 if the key does not exist
     */
    default CompletionStage<Long> zcard(K key) {
        return execute(command("ZCARD").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code ZCOUNT key min max}.
     *
     * @param key the key
     * @param min the low end of the score range
     * @param max the high end of the score range
     * @return the number of members with a score in the range
     */
    default CompletionStage<Long> zcount(K key, ScoreBound min, ScoreBound max) {
        return execute(command("ZCOUNT")
                .key(key)
                .arg(min.argument())
                .arg(max.argument())
                .traits(READ_ONLY)
                .decodedBy(integer()));
    }

    /**
     * {@code ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count]}.
     *
     * @param key the key
     * @param query which members, in which order
     * @return the members; empty if none match or the key does not exist
     */
    default CompletionStage<List<V>> zrange(K key, ZRangeQuery query) {
        return execute(command("ZRANGE")
                .key(key)
                .args(query.arguments())
                .traits(READ_ONLY)
                .decodedBy(list(value(codec()))));
    }

    /**
     * {@code ZRANGE key start stop [BYSCORE] [REV] [LIMIT offset count] WITHSCORES}. Redis refuses scores with a lex
     * range ({@code BYLEX}), so such a query is refused before anything is sent.
     *
     * @param key the key
     * @param query which members, in which order; a rank or score query
     * @return the members with their scores
     * @throws IllegalArgumentException at once for a {@link ZRangeQuery#byLex} query
     */
    default CompletionStage<List<ScoredValue<V>>> zrangeWithScores(K key, ZRangeQuery query) {
        return execute(command("ZRANGE")
                .key(key)
                .args(ArgumentChecks.zrangeWithScores(query))
                .arg("WITHSCORES")
                .traits(READ_ONLY)
                .decodedBy(scoredValues(value(codec()))));
    }

    /**
     * {@code ZRANK key member}.
     *
     * @param key the key
     * @param member the member
     * @return its rank by ascending score, from 0, or {@code null} if it is not a member
     */
    default CompletionStage<Long> zrank(K key, V member) {
        return execute(command("ZRANK").key(key).value(member).traits(READ_ONLY).decodedBy(integerOrNull()));
    }

    /**
     * {@code ZREVRANK key member}.
     *
     * @param key the key
     * @param member the member
     * @return its rank by descending score, from 0, or {@code null} if it is not a member
     */
    default CompletionStage<Long> zrevrank(K key, V member) {
        return execute(
                command("ZREVRANK").key(key).value(member).traits(READ_ONLY).decodedBy(integerOrNull()));
    }

    /**
     * {@code ZPOPMIN key}.
     *
     * @param key the key
     * @return the removed member with the lowest score, or {@code null} if the set is empty
     */
    default CompletionStage<ScoredValue<V>> zpopmin(K key) {
        return execute(command("ZPOPMIN").key(key).decodedBy(scoredValue(value(codec()))));
    }

    /**
     * {@code ZPOPMIN key count}.
     *
     * @param key the key
     * @param count how many members to remove at most
     * @return the removed members, lowest score first
     */
    default CompletionStage<List<ScoredValue<V>>> zpopmin(K key, long count) {
        return execute(command("ZPOPMIN").key(key).arg(count).decodedBy(scoredValues(value(codec()))));
    }

    /**
     * {@code ZPOPMAX key}.
     *
     * @param key the key
     * @return the removed member with the highest score, or {@code null} if the set is empty
     */
    default CompletionStage<ScoredValue<V>> zpopmax(K key) {
        return execute(command("ZPOPMAX").key(key).decodedBy(scoredValue(value(codec()))));
    }

    /**
     * {@code ZPOPMAX key count}.
     *
     * @param key the key
     * @param count how many members to remove at most
     * @return the removed members, highest score first
     */
    default CompletionStage<List<ScoredValue<V>>> zpopmax(K key, long count) {
        return execute(command("ZPOPMAX").key(key).arg(count).decodedBy(scoredValues(value(codec()))));
    }

    /**
     * {@code ZREMRANGEBYSCORE key min max}.
     *
     * @param key the key
     * @param min the low end of the score range
     * @param max the high end of the score range
     * @return the number of members removed
     */
    default CompletionStage<Long> zremrangebyscore(K key, ScoreBound min, ScoreBound max) {
        return execute(command("ZREMRANGEBYSCORE")
                .key(key)
                .arg(min.argument())
                .arg(max.argument())
                .decodedBy(integer()));
    }

    /**
     * {@code ZREMRANGEBYRANK key start stop}, both ends included; negative ranks count from the highest score.
     *
     * @param key the key
     * @param start the first rank to remove
     * @param stop the last rank to remove
     * @return the number of members removed
     */
    default CompletionStage<Long> zremrangebyrank(K key, long start, long stop) {
        return execute(command("ZREMRANGEBYRANK").key(key).arg(start).arg(stop).decodedBy(integer()));
    }

    /**
     * {@code ZSCAN key cursor}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @return a page of members with their scores
     */
    default CompletionStage<ScanPage<ScoredValue<V>>> zscan(K key, String cursor) {
        return zscan(key, cursor, ScanArgs.none());
    }

    /**
     * {@code ZSCAN key cursor [MATCH pattern] [COUNT count]}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @param args match and count; {@code TYPE} is not accepted
     * @return a page of members with their scores
     */
    default CompletionStage<ScanPage<ScoredValue<V>>> zscan(K key, String cursor, ScanArgs args) {
        return execute(command("ZSCAN")
                .key(key)
                .arg(cursor)
                .args(ArgumentChecks.elementScan("ZSCAN", args))
                .traits(READ_ONLY)
                .decodedBy(scanPage(scoredValues(value(codec())))));
    }
}
