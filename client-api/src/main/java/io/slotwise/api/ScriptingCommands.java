package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.ok;
import static io.slotwise.command.ReplyDecoders.text;

import io.slotwise.api.args.FlushMode;
import io.slotwise.command.ReplyDecoder;
import io.slotwise.command.ReplyMerger;
import io.slotwise.command.Routing.FanOut.Target;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Lua scripting. A script's keys must all hash to one slot (Redis runs a script on one node); a script without keys
 * runs on any node. The script cache is per node, so {@code SCRIPT LOAD}, {@code SCRIPT EXISTS} and
 * {@code SCRIPT FLUSH} go to every primary. See {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ScriptingCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code EVAL script numkeys key... arg...}.
     *
     * @param script the Lua source
     * @param keys the keys the script accesses, all in one slot; may be empty
     * @param args the other arguments; may be empty
     * @param decoder turns the script's reply into {@code T}, for example {@link
     *     io.slotwise.command.ReplyDecoders#raw()}
     * @param <T> the decoded type
     * @return the decoded reply of the script
     * @throws io.slotwise.CrossSlotException at once if the keys span several slots
     */
    default <T> CompletionStage<T> eval(String script, List<K> keys, List<V> args, ReplyDecoder<T> decoder) {
        return execute(command("EVAL")
                .arg(script)
                .arg(keys.size())
                .keysOrNone(keys)
                .valuesOrNone(args)
                .decodedBy(decoder));
    }

    /**
     * {@code EVALSHA sha1 numkeys key... arg...}. Fails with a {@code NOSCRIPT} {@link
     * io.slotwise.RedisCommandException} if the node does not have the script; load it with {@link #scriptLoad} first.
     *
     * @param sha1 the script's SHA1 digest, as {@link #scriptLoad} returns it
     * @param keys the keys the script accesses, all in one slot; may be empty
     * @param args the other arguments; may be empty
     * @param decoder turns the script's reply into {@code T}
     * @param <T> the decoded type
     * @return the decoded reply of the script
     * @throws io.slotwise.CrossSlotException at once if the keys span several slots
     */
    default <T> CompletionStage<T> evalsha(String sha1, List<K> keys, List<V> args, ReplyDecoder<T> decoder) {
        return execute(command("EVALSHA")
                .arg(sha1)
                .arg(keys.size())
                .keysOrNone(keys)
                .valuesOrNone(args)
                .decodedBy(decoder));
    }

    /**
     * {@code SCRIPT LOAD script} on every primary.
     *
     * @param script the Lua source
     * @return the script's SHA1 digest (the same on every node)
     */
    default CompletionStage<String> scriptLoad(String script) {
        return execute(command("SCRIPT LOAD")
                .arg(script)
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.FIRST)
                .decodedBy(text()));
    }

    /**
     * {@code SCRIPT EXISTS sha1...} on every primary.
     *
     * @param sha1s the digests, at least one
     * @return one flag per digest, in order: {@code true} only if every primary has the script
     */
    default CompletionStage<List<Boolean>> scriptExists(List<String> sha1s) {
        return execute(command("SCRIPT EXISTS")
                .args(ArgumentChecks.texts("SCRIPT EXISTS", sha1s))
                .traits(READ_ONLY)
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.AND_ELEMENTWISE)
                .decodedBy(list(bool())));
    }

    /**
     * {@code SCRIPT FLUSH} on every primary, with the server's default mode.
     *
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> scriptFlush() {
        return execute(command("SCRIPT FLUSH")
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }

    /**
     * {@code SCRIPT FLUSH ASYNC|SYNC} on every primary.
     *
     * @param mode how to free the memory
     * @return {@code "OK"} once every primary has flushed
     */
    default CompletionStage<String> scriptFlush(FlushMode mode) {
        return execute(command("SCRIPT FLUSH")
                .arg(mode.name())
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.ALL_OK)
                .decodedBy(ok()));
    }
}
