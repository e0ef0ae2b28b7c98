package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.LexBound;
import io.slotwise.sim.keyspace.ScoreBound;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies and range arguments shared by the sorted-set commands. Scores are {@link Reply.Double}s: RESP3 doubles,
 * bulk strings in {@code %.17g} style in RESP2. Stateless.
 */
final class SortedSetReplies {
    private SortedSetReplies() {}

    /** Returns the members only, as an array of bulk strings. */
    static Reply members(List<ZEntry> entries) {
        List<Reply> replies = new ArrayList<>(entries.size());
        entries.forEach(entry -> replies.add(CollectionReplies.bulk(entry.member())));
        return new Reply.Array(replies);
    }

    /**
     * Returns members with their scores: {@code [[member, score], ...]} when {@code nested} (RESP3 WITHSCORES),
     * otherwise the flat {@code [member, score, member, score, ...]}.
     */
    static Reply withScores(List<ZEntry> entries, boolean nested) {
        List<Reply> replies = new ArrayList<>(nested ? entries.size() : 2 * entries.size());
        for (ZEntry entry : entries) {
            Reply member = CollectionReplies.bulk(entry.member());
            Reply score = new Reply.Double(entry.score());
            if (nested) {
                replies.add(Reply.array(member, score));
            } else {
                replies.add(member);
                replies.add(score);
            }
        }
        return new Reply.Array(replies);
    }

    /** Whether the client speaks RESP3, where Redis 7.0 nests member-score pairs. */
    static boolean resp3(CommandContext ctx) {
        return ctx.session().protocol() == RespVersion.RESP3;
    }

    /**
     * Parses a score bound: {@code (} for exclusive, {@code -inf}/{@code +inf}.
     *
     * @throws CommandException {@code ERR min or max is not a float}
     */
    static ScoreBound scoreBound(CommandContext ctx, int index) {
        try {
            return ScoreBound.parse(ctx.arg(index));
        } catch (IllegalArgumentException e) {
            throw new CommandException("ERR min or max is not a float");
        }
    }

    /**
     * Parses a lexicographic bound: {@code -}, {@code +}, {@code [member} or {@code (member}.
     *
     * @throws CommandException {@code ERR min or max not valid string range item}
     */
    static LexBound lexBound(CommandContext ctx, int index) {
        try {
            return LexBound.parse(ctx.arg(index));
        } catch (IllegalArgumentException e) {
            throw new CommandException("ERR min or max not valid string range item");
        }
    }
}
