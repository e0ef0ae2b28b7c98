package io.slotwise.api;

import io.slotwise.codec.RedisCodec;
import io.slotwise.command.Command;
import io.slotwise.command.CommandBuilder;
import java.util.concurrent.CompletionStage;

/**
 * What every command family needs from a client: a way to send a {@link Command} and the codec for keys and values.
 *
 * <p>Error contract of every method of the command families: problems found while <em>building</em> the command are
 * thrown at once, before anything is sent, and no stage is returned ({@link NullPointerException} for a {@code null}
 * key, value or option; {@link IllegalArgumentException} for invalid options; {@link io.slotwise.CrossSlotException}
 * when the keys of a command that must run on one slot, such as {@code MSETNX}, {@code RENAME} or {@code EVAL}, span
 * several slots). Everything that happens once the command is handed to {@link #execute} completes the returned stage
 * exceptionally: server errors as {@link io.slotwise.RedisCommandException}, replies of the wrong type as {@link
 * io.slotwise.UnexpectedReplyException}, and connection failures and timeouts as other {@link
 * io.slotwise.RedisException}s.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CommandExecutor<K, V> {

    /**
     * Sends a command and returns its decoded reply. Routes, splits, fans out, follows redirects and retries as the
     * command describes.
     *
     * @param command the command, never {@code null}
     * @param <T> the decoded reply type
     * @return a stage completed with the decoded reply, usually on an I/O thread; callers must not block in
     *     callbacks on it
     */
    <T> CompletionStage<T> execute(Command<T> command);

    /**
     * Returns the codec that encodes keys and values of this client's commands and decodes their replies.
     *
     * @return the codec, never {@code null}
     */
    RedisCodec<K, V> codec();

    /**
     * Starts building a command with this client's codec, for commands the catalogue does not list:
     * {@code c.execute(c.command("OBJECT").arg("ENCODING").key(k).decodedBy(ReplyDecoders.text()))}.
     *
     * @param name the command word(s), for example {@code "OBJECT"} or {@code "MEMORY USAGE"}
     * @return a new builder
     */
    default CommandBuilder<K, V> command(String name) {
        return Command.builder(name, codec());
    }
}
