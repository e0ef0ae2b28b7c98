package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.TransactionDiscardedException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.command.Command;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.routing.RedirectTrail;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The commands of one {@code MULTI}/{@code EXEC} block and the stages their callers hold: what goes on the wire
 * ({@link #wire}) and what the replies mean ({@link #interpret}). Pure: no I/O. The block can be sent any number of
 * times (a redirect sends it again elsewhere); the queued commands' stages complete once, when {@link #interpret}
 * decides on a final outcome, or through {@link #failAll}.
 */
final class TransactionBlock {

    private static final RespCommandArgs ASKING = RawCommand.of("ASKING");
    private static final RespCommandArgs MULTI = RawCommand.of("MULTI");
    private static final RespCommandArgs EXEC = RawCommand.of("EXEC");

    private final List<Command<?>> commands;
    private final List<CompletableFuture<Object>> stages;

    TransactionBlock(List<Command<?>> commands, List<CompletableFuture<Object>> stages) {
        this.commands = List.copyOf(commands);
        this.stages = List.copyOf(stages);
    }

    /** What the replies to one sending of the block mean. */
    sealed interface Outcome {

        /** {@code EXEC} answered (run or discarded by a watch); every stage is complete. */
        record Done(TransactionResult result) implements Outcome {}

        /** A queued command or {@code EXEC} was redirected: nothing ran; send the block to the target. */
        record Redirected(RedirectPolicy.Decision.Follow follow) implements Outcome {}

        /**
         * The block failed. When the failure is transient ({@code TRYAGAIN} while queuing) nothing ran, the stages are
         * still pending, and a retry may send the block again.
         */
        record Failed(RuntimeException failure) implements Outcome {}
    }

    /**
     * The commands to write, as one batch: {@code [ASKING] MULTI command... EXEC}. ASKING before MULTI applies to the
     * whole transaction (Redis keeps the flag while the connection is in MULTI and checks the queued keys with it).
     */
    List<RespCommandArgs> wire(boolean asking) {
        List<RespCommandArgs> wire = new ArrayList<>(commands.size() + 3);
        if (asking) {
            wire.add(ASKING);
        }
        wire.add(MULTI);
        wire.addAll(commands);
        wire.add(EXEC);
        return wire;
    }

    /** The number of commands {@link #wire} writes. */
    int wireSize(boolean asking) {
        return commands.size() + (asking ? 3 : 2);
    }

    /**
     * Reads the replies to one {@link #wire} batch.
     *
     * @param replies one reply per wire command, in order
     * @param asking whether the batch started with ASKING
     * @param node the node that answered
     * @param trail the redirects so far, {@code node} last
     * @param policy decides what an error reply means
     * @return the outcome; stages are completed for {@link Outcome.Done} and final {@link Outcome.Failed}
     */
    Outcome interpret(
            List<RespValue> replies, boolean asking, NodeAddress node, RedirectTrail trail, RedirectPolicy policy) {
        int offset = asking ? 2 : 1;
        for (int i = 0; i < offset; i++) {
            if (replies.get(i).withoutAttributes() instanceof RespValue.Error error) {
                return fail(new RedisCommandException(i == 0 && asking ? "ASKING" : "MULTI", error.message()));
            }
        }
        List<RedisCommandException> queueErrors = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            RespValue reply = replies.get(offset + i).withoutAttributes();
            if (reply instanceof RespValue.Error error) {
                RedirectPolicy.Decision decision = policy.decide(error.message(), node, trail);
                Outcome early = beforeExec(decision, commands.get(i).name(), error.message());
                if (early != null) {
                    return early;
                }
                queueErrors.add(new RedisCommandException(commands.get(i).name(), error.message()));
            } else {
                queueErrors.add(null);
            }
        }
        RespValue exec = replies.get(offset + commands.size()).withoutAttributes();
        if (exec instanceof RespValue.Error error) {
            Outcome early = beforeExec(policy.decide(error.message(), node, trail), "EXEC", error.message());
            if (early != null) {
                return early;
            }
            return refused(new RedisCommandException("EXEC", error.message()), queueErrors);
        }
        if (exec instanceof RespValue.Null) {
            for (int i = 0; i < commands.size(); i++) {
                stages.get(i)
                        .completeExceptionally(new TransactionDiscardedException(
                                commands.get(i).name()));
            }
            return new Outcome.Done(TransactionResult.discardedByWatch());
        }
        if (!(exec instanceof RespValue.Array array) || array.elements().size() != commands.size()) {
            return fail(new UnexpectedReplyException("an array of " + commands.size() + " replies", exec)
                    .forCommand("EXEC"));
        }
        return new Outcome.Done(TransactionResult.executed(completeEach(array.elements())));
    }

    /** A redirect or a transient error before EXEC ran anything: nothing was applied, the block may go again. */
    private static Outcome beforeExec(RedirectPolicy.Decision decision, String command, String message) {
        if (decision instanceof RedirectPolicy.Decision.Follow follow) {
            return new Outcome.Redirected(follow);
        }
        if (decision instanceof RedirectPolicy.Decision.RetryLater) {
            return new Outcome.Failed(new RedisCommandException(command, message));
        }
        if (decision instanceof RedirectPolicy.Decision.Fail fail) {
            return new Outcome.Failed(fail.failure());
        }
        return null;
    }

    private List<Object> completeEach(List<RespValue> replies) {
        List<Object> results = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            Command<?> command = commands.get(i);
            Object result;
            try {
                result = command.decode(replies.get(i));
                stages.get(i).complete(result);
            } catch (RuntimeException e) {
                result = e;
                stages.get(i).completeExceptionally(e);
            }
            results.add(result);
        }
        return results;
    }

    /** EXEC refused the transaction (EXECABORT): each command fails with its queuing error, or with EXEC's. */
    private Outcome refused(RedisCommandException execError, List<RedisCommandException> queueErrors) {
        for (int i = 0; i < commands.size(); i++) {
            RedisCommandException own = queueErrors.get(i);
            stages.get(i).completeExceptionally(own != null ? own : execError);
        }
        return new Outcome.Failed(execError);
    }

    private Outcome fail(RuntimeException failure) {
        failAll(failure);
        return new Outcome.Failed(failure);
    }

    /**
     * Completes every queued command's stage that is still pending with a failure.
     *
     * @param failure why the transaction failed
     */
    void failAll(Throwable failure) {
        for (CompletableFuture<Object> stage : stages) {
            stage.completeExceptionally(failure);
        }
    }

    /** The number of queued commands. */
    int size() {
        return commands.size();
    }
}
