package io.slotwise.command;

import io.slotwise.resp.RespValue;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a command's final reply (after any merge of split or fanned-out parts) into the value the caller receives.
 *
 * <p>A decoder never sees an error reply: the dispatcher turns errors into exceptions first. It may see
 * {@link RespValue.Null} and values wrapped in {@link RespValue.Attributed}. A decoder given a reply of a type it does
 * not accept throws {@link io.slotwise.UnexpectedReplyException}, never {@link ClassCastException}. Decoders run on the
 * thread that completes the command (an event loop), so they must be fast, non-blocking and thread-safe.
 *
 * @param <T> the decoded type; {@code null} is a legal result where the command's documentation says so
 */
@FunctionalInterface
public interface ReplyDecoder<T> {

    /**
     * Decodes a reply.
     *
     * @param reply the reply, never an error and never {@code null}
     * @return the decoded value
     * @throws io.slotwise.UnexpectedReplyException if the reply has a type this decoder does not accept
     */
    T decode(RespValue reply);

    /**
     * Returns a decoder that applies a function to this decoder's result, {@code null} results included.
     *
     * @param mapper the function, never {@code null}
     * @param <R> the new result type
     * @return the composed decoder
     */
    default <R> ReplyDecoder<R> andThen(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return reply -> mapper.apply(decode(reply));
    }
}
