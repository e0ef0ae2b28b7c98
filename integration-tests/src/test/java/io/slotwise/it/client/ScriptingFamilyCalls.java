package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.FlushMode;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Calls every method of {@link io.slotwise.api.ScriptingCommands} against a live cluster: scripts with keys in one
 * slot and without keys, the digest {@code SCRIPT LOAD} returns (the SHA1 of the source), {@code SCRIPT EXISTS} and
 * {@code SCRIPT FLUSH} on every primary, and {@code NOSCRIPT} after a flush.
 */
final class ScriptingFamilyCalls {

    private static final String SET_AND_ECHO =
            "redis.call('SET', KEYS[1], ARGV[1]); return {KEYS[1], redis.call('GET', KEYS[1]), ARGV[2]}";
    private static final String SUM_ARGS = "return tonumber(ARGV[1]) + tonumber(ARGV[2])";

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    ScriptingFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** EVAL with and without keys, with several decoders; keys of several slots are refused before sending. */
    void eval() {
        String key = "{" + prefix + "script}k";
        assertEquals(
                List.of(key, "stored", "echoed"),
                value(c.eval(
                        SET_AND_ECHO,
                        List.of(key),
                        List.of("stored", "echoed"),
                        ReplyDecoders.list(ReplyDecoders.value(c.codec())))));
        assertEquals("stored", value(c.get(key)));
        assertEquals(42L, value(c.eval(SUM_ARGS, List.of(), List.of("40", "2"), ReplyDecoders.integer())));
        assertNull(value(c.eval("return nil", List.of(), List.of(), ReplyDecoders.value(c.codec()))));
        RespValue raw = value(c.eval("return 'text'", List.of(), List.of(), ReplyDecoders.raw()));
        assertTrue(raw instanceof RespValue.Bulk bulk && bulk.asString().equals("text"), "a bulk string: " + raw);
        RedisCommandException error = (RedisCommandException) Calls.failure(
                c.eval("return redis.error_reply('MYERR custom')", List.of(), List.of(), ReplyDecoders.raw()),
                Calls.LIMIT);
        assertEquals("MYERR", error.code());
        assertThrows(
                CrossSlotException.class,
                () -> c.eval(SET_AND_ECHO, List.of("{a}x", "{b}y"), List.of("1", "2"), ReplyDecoders.raw()));
    }

    /** SCRIPT LOAD, EVALSHA, SCRIPT EXISTS, SCRIPT FLUSH in both forms. */
    void scriptCache() throws NoSuchAlgorithmException {
        String sha = value(c.scriptLoad(SUM_ARGS));
        assertEquals(sha1(SUM_ARGS), sha, "the digest of the source");
        String unknown = sha1("return 'never loaded " + prefix + "'");
        assertEquals(List.of(true, false), value(c.scriptExists(List.of(sha, unknown))));
        assertEquals(5L, value(c.evalsha(sha, List.of(), List.of("2", "3"), ReplyDecoders.integer())));
        String key = "{" + prefix + "script}sha";
        String shaWithKeys = value(c.scriptLoad(SET_AND_ECHO));
        assertEquals(
                List.of(key, "a", "b"),
                value(c.evalsha(
                        shaWithKeys,
                        List.of(key),
                        List.of("a", "b"),
                        ReplyDecoders.list(ReplyDecoders.value(c.codec())))));

        assertEquals("OK", value(c.scriptFlush()));
        assertEquals(List.of(false, false), value(c.scriptExists(List.of(sha, shaWithKeys))));
        RedisCommandException noScript = (RedisCommandException)
                Calls.failure(c.evalsha(sha, List.of(), List.of("2", "3"), ReplyDecoders.integer()), Calls.LIMIT);
        assertEquals("NOSCRIPT", noScript.code());

        assertEquals(sha, value(c.scriptLoad(SUM_ARGS)));
        assertEquals("OK", value(c.scriptFlush(FlushMode.SYNC)));
        assertEquals(List.of(false), value(c.scriptExists(List.of(sha))));
        assertEquals(sha, value(c.scriptLoad(SUM_ARGS)));
        assertEquals("OK", value(c.scriptFlush(FlushMode.ASYNC)));
        assertEquals(List.of(false), value(c.scriptExists(List.of(sha))));
        assertTrue(sha.matches("[0-9a-f]{40}"), sha);
    }

    private static String sha1(String script) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
