package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.InsertPosition;
import io.slotwise.api.args.ListSide;
import io.slotwise.value.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Calls every method of {@link io.slotwise.api.ListCommands} against a live cluster: pushes and pops in both
 * directions, {@code null} and empty lists for missing keys, and the blocking pops both answering at once, timing out
 * with {@code null}, and woken by a push.
 */
final class ListFamilyCalls {

    private static final Duration SHORT_BLOCK = Duration.ofMillis(200);
    private static final Duration LONG_BLOCK = Duration.ofSeconds(30);

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    ListFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** LPUSH, RPUSH and their X variants, LPOP and RPOP with and without a count, LRANGE, LLEN, LINDEX. */
    void pushesAndPops() {
        String key = prefix + "list:push";
        String missing = prefix + "list:missing";
        assertEquals(0L, value(c.lpushx(missing, List.of("a"))));
        assertEquals(0L, value(c.rpushx(missing, List.of("a"))));
        assertEquals(0L, value(c.exists(missing)));

        assertEquals(1L, value(c.rpush(key, "c")));
        assertEquals(3L, value(c.rpush(key, List.of("d", "e"))));
        assertEquals(4L, value(c.lpush(key, "b")));
        assertEquals(6L, value(c.lpush(key, List.of("x", "a"))), "each pushed to the head in turn");
        assertEquals(7L, value(c.lpushx(key, List.of("head"))));
        assertEquals(9L, value(c.rpushx(key, List.of("f", "tail"))));
        assertEquals(List.of("head", "a", "x", "b", "c", "d", "e", "f", "tail"), value(c.lrange(key, 0, -1)));
        assertEquals(List.of("e", "f"), value(c.lrange(key, -3, -2)));
        assertEquals(List.of(), value(c.lrange(key, 20, 30)));
        assertEquals(List.of(), value(c.lrange(missing, 0, -1)));
        assertEquals(9L, value(c.llen(key)));
        assertEquals(0L, value(c.llen(missing)));
        assertEquals("x", value(c.lindex(key, 2)));
        assertEquals("tail", value(c.lindex(key, -1)));
        assertNull(value(c.lindex(key, 100)));

        assertEquals("head", value(c.lpop(key)));
        assertEquals("tail", value(c.rpop(key)));
        assertEquals(List.of("a", "x"), value(c.lpop(key, 2)));
        assertEquals(List.of("f", "e"), value(c.rpop(key, 2)), "tail first");
        assertEquals(List.of("b", "c", "d"), value(c.lpop(key, 10)));
        assertEquals(0L, value(c.exists(key)), "popping the last element deletes the list");
        assertNull(value(c.lpop(missing)));
        assertNull(value(c.rpop(missing)));
        assertEquals(List.of(), value(c.lpop(missing, 3)));
        assertEquals(List.of(), value(c.rpop(missing, 3)));
    }

    /** LSET, LREM, LTRIM, LINSERT, LPOS with and without a count. */
    void editsAndSearches() {
        String key = prefix + "list:edit";
        assertEquals(7L, value(c.rpush(key, List.of("a", "b", "a", "c", "a", "d", "e"))));
        assertEquals(0L, value(c.lpos(key, "a")));
        assertEquals(3L, value(c.lpos(key, "c")));
        assertNull(value(c.lpos(key, "zzz")));
        assertNull(value(c.lpos(prefix + "list:edit-missing", "a")));
        assertEquals(List.of(0L, 2L), value(c.lpos(key, "a", 2)));
        assertEquals(List.of(0L, 2L, 4L), value(c.lpos(key, "a", 0)), "COUNT 0 returns every match");
        assertEquals(List.of(), value(c.lpos(key, "zzz", 0)));

        assertEquals("OK", value(c.lset(key, 1, "B")));
        assertEquals("OK", value(c.lset(key, -1, "E")));
        RedisCommandException outOfRange = (RedisCommandException) Calls.failure(c.lset(key, 99, "?"), Calls.LIMIT);
        assertEquals("ERR", outOfRange.code());

        assertEquals(2L, value(c.lrem(key, 2, "a")));
        assertEquals(List.of("B", "c", "a", "d", "E"), value(c.lrange(key, 0, -1)));
        assertEquals(0L, value(c.lrem(key, 0, "zzz")));

        assertEquals(6L, value(c.linsert(key, InsertPosition.BEFORE, "c", "b2")));
        assertEquals(7L, value(c.linsert(key, InsertPosition.AFTER, "E", "F")));
        assertEquals(-1L, value(c.linsert(key, InsertPosition.AFTER, "zzz", "never")));
        assertEquals(0L, value(c.linsert(prefix + "list:edit-missing", InsertPosition.AFTER, "a", "b")));
        assertEquals("OK", value(c.ltrim(key, 1, -2)));
        assertEquals(List.of("b2", "c", "a", "d", "E"), value(c.lrange(key, 0, -1)));
    }

    /**
     * A blocking timeout under a millisecond ends the wait like any other (only {@link Duration#ZERO} waits
     * indefinitely): the client rounds it up to the millisecond the server's protocol can express.
     */
    void subMillisecondBlockingTimeout() {
        String empty = prefix + "list:sub-millisecond";
        assertNull(value(c.brpop(Duration.ofNanos(500), List.of(empty))), "timed out");
        assertNull(value(c.blpop(Duration.ofNanos(1_000_500), List.of(empty))), "timed out");
    }

    /** LMOVE, and BLPOP, BRPOP, BLMOVE: immediate when an element waits, {@code null} on timeout, woken by a push. */
    void movesAndBlockingPops() {
        String tag = "{" + prefix + "list-move}";
        String source = tag + "source";
        String target = tag + "target";
        String empty = tag + "empty";
        assertEquals(3L, value(c.rpush(source, List.of("1", "2", "3"))));
        assertEquals("1", value(c.lmove(source, target, ListSide.LEFT, ListSide.RIGHT)));
        assertEquals("3", value(c.lmove(source, target, ListSide.RIGHT, ListSide.LEFT)));
        assertEquals(List.of("3", "1"), value(c.lrange(target, 0, -1)));
        assertNull(value(c.lmove(empty, target, ListSide.LEFT, ListSide.LEFT)));

        assertEquals(new KeyValue<>(source, "2"), value(c.blpop(SHORT_BLOCK, List.of(empty, source))));
        assertEquals(new KeyValue<>(target, "1"), value(c.brpop(SHORT_BLOCK, List.of(empty, target))));
        assertEquals("3", value(c.blmove(target, source, ListSide.LEFT, ListSide.RIGHT, SHORT_BLOCK)));
        assertNull(value(c.blpop(SHORT_BLOCK, List.of(empty, target))), "timed out");
        assertNull(value(c.brpop(SHORT_BLOCK, List.of(empty))), "timed out");
        assertNull(value(c.blmove(empty, target, ListSide.RIGHT, ListSide.LEFT, SHORT_BLOCK)), "timed out");

        CompletionStage<KeyValue<String, String>> waiting = c.blpop(LONG_BLOCK, List.of(empty));
        CompletionStage<String> moving = c.blmove(target, source, ListSide.RIGHT, ListSide.LEFT, LONG_BLOCK);
        CompletionStage<KeyValue<String, String>> forever = c.brpop(Duration.ZERO, List.of(tag + "forever"));
        assertEquals(1L, value(c.rpush(empty, "woken")));
        assertEquals(1L, value(c.lpush(target, "moved")));
        assertEquals(1L, value(c.lpush(tag + "forever", "at last")));
        assertEquals(new KeyValue<>(empty, "woken"), value(waiting));
        assertEquals("moved", value(moving));
        assertEquals(new KeyValue<>(tag + "forever", "at last"), value(forever));
        assertEquals(List.of("moved", "3"), value(c.lrange(source, 0, -1)));
    }
}
