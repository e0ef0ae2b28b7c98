package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.ok;
import static io.slotwise.command.ReplyDecoders.text;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.FlushMode;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.command.ReplyMerger;
import io.slotwise.command.Routing.FanOut.Target;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Server commands, none of which has keys. Commands about one node's state ({@code PING}, {@code TIME}, {@code ECHO},
 * {@code INFO}) go to one node that the client chooses; commands about the whole data set ({@code DBSIZE},
 * {@code FLUSHALL}, {@code FLUSHDB}) go to every primary. To address every node or a specific one, build the command
 * yourself with {@link #command(String)} and a {@link io.slotwise.command.Routing}. See {@link CommandExecutor} for the
 * error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ServerCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code PING}, sent to one node: proves that the client can reach the cluster. To check every node, send
     * {@code command("PING").fanOut(Target.ALL_NODES, ReplyMerger.FIRST)}.
     *
     * @return {@code "PONG"}
     */
    default CompletionStage<String> ping() {
        return execute(command("PING").traits(READ_ONLY).decodedBy(text()));
    }

    /**
     * {@code ECHO message}, sent to one node.
     *
     * @param message the message
     * @return the message
     */
    default CompletionStage<V> echo(V message) {
        return execute(command("ECHO").value(message).traits(READ_ONLY).decodedBy(value(codec())));
    }

    /**
     * {@code TIME} of one node.
     *
     * @return the node's clock, with microsecond precision
     */
    default CompletionStage<Instant> time() {
        return execute(command("TIME").traits(READ_ONLY).decodedBy(ReplyDecoders.time()));
    }

    /**
     * {@code INFO} of one node, default sections.
     *
     * @return the report, as sent (lines of {@code field:value} under {@code # Section} headers)
     */
    default CompletionStage<String> info() {
        return execute(command("INFO").traits(READ_ONLY).decodedBy(text()));
    }

    /**
     * {@code INFO section} of one node.
     *
     * @param section the section, for example {@code "memory"}, {@code "all"} or {@code "everything"}
     * @return the report
     */
    default CompletionStage<String> info(String section) {
        return execute(command("INFO").arg(section).traits(READ_ONLY).decodedBy(text()));
    }

    /**
     * {@code DBSIZE} summed over every primary.
     *
     * @return the number of keys in the cluster
     */
    default CompletionStage<Long> dbsize() {
        return execute(command("DBSIZE")
                .traits(READ_ONLY)
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.SUM)
                .decodedBy(integer()));
    }

    /**
     * {@code FLUSHALL} on every primary: deletes every key of the cluster.
     *
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> flushall() {
        return execute(command("FLUSHALL")
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }

    /**
     * {@code FLUSHALL ASYNC|SYNC} on every primary.
     *
     * @param mode how to free the memory
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> flushall(FlushMode mode) {
        return execute(command("FLUSHALL")
                .arg(mode.name())
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }

    /**
     * {@code FLUSHDB} on every primary (a cluster has only database 0, so this equals {@link #flushall()}).
     *
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> flushdb() {
        return execute(command("FLUSHDB")
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }

    /**
     * {@code FLUSHDB ASYNC|SYNC} on every primary.
     *
     * @param mode how to free the memory
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> flushdb(FlushMode mode) {
        return execute(command("FLUSHDB")
                .arg(mode.name())
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }
}
