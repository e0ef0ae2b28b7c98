package io.slotwise.netty.cluster;

import io.slotwise.command.Command;
import io.slotwise.command.ReplyMerger;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SplitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs a multi-key command whose keys span slots ({@code MGET}, {@code MSET}, {@code DEL}...): one sub-command per slot
 * ({@link Command#subCommand}), sent by the dispatcher (which groups them by node into one pipelined batch each and
 * handles each part's redirects and retries on its own), then merged with the command's {@link ReplyMerger} in the
 * caller's key order, ready to be decoded once.
 *
 * <p>If any part fails, the command fails with the first failed part's error (in key order) once every part has
 * finished. Parts that succeeded are not undone: a split {@code MSET} or {@code DEL} may be partly applied, as in Redis
 * Cluster itself.
 */
final class SplitExecutor {

    private SplitExecutor() {}

    /**
     * Runs a split command.
     *
     * @param command a command with a split whose keys span several slots
     * @param sendParts sends the parts and returns one reply per part, in order
     * @return the merged, undecoded reply
     */
    static CompletionStage<RespValue> run(
            Command<?> command, Function<List<Command<RespValue>>, List<CompletionStage<RespValue>>> sendParts) {
        SplitPlan plan = command.splitPlan();
        ReplyMerger merger = command.split().orElseThrow().merger();
        List<Command<RespValue>> parts = new ArrayList<>(plan.groups().size());
        for (SplitPlan.Group group : plan.groups()) {
            parts.add(command.subCommand(group));
        }
        return Replies.all(sendParts.apply(parts)).thenApply(replies -> merger.merge(replies, plan));
    }
}
