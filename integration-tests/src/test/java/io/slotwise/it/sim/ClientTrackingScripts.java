package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of client-side caching (CLIENT TRACKING): the options and Redis's errors for invalid
 * combinations, TRACKINGINFO and GETREDIR, the CACHING flag's lifetime, and the invalidations themselves, byte for byte,
 * including their place after the reply of the command (EXEC, script) that caused them.
 *
 * <p>Invalidations are RESP3 pushes on the tracking connection itself, so the scripts that expect them start with
 * {@code HELLO 3} (they run RESP3 in both protocol passes), and one script checks with {@code HELLO 2} that a RESP2
 * connection gets none. A push that follows a reply is read by a {@code CLIENT REPLY OFF} step (a command without a
 * reply of its own, so its step reads the next frame: the push), followed by {@code CLIENT REPLY ON} ({@code +OK}); see
 * {@link #push}. REDIRECT to another connection needs a second connection and the other client's ID, which scripts do
 * not have: server-sim's unit tests cover it. Keys share one hash tag, so that multi-key commands stay in one slot.
 */
final class ClientTrackingScripts {

    private ClientTrackingScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                optionsAndErrors(),
                resp2GetsNoInvalidations(),
                defaultMode(),
                transactionsAndScripts(),
                optInOptOutAndNoLoop(),
                broadcast());
    }

    /** Adds the two steps that read the push frame the previous command left after its reply. */
    private static Script.Builder push(Script.Builder script) {
        return script.send("CLIENT", "REPLY", "OFF").send("CLIENT", "REPLY", "ON");
    }

    private static Script optionsAndErrors() {
        return Script.named("client tracking options and errors")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "GETREDIR")
                .send("CLIENT", "TRACKING")
                .send("CLIENT", "TRACKING", "maybe")
                .send("CLIENT", "TRACKING", "on", "FOO")
                .send("CLIENT", "TRACKING", "on", "PREFIX")
                .send("CLIENT", "TRACKING", "on", "REDIRECT")
                .send("CLIENT", "TRACKING", "on", "REDIRECT", "abc")
                .send("CLIENT", "TRACKING", "on", "REDIRECT", "987654")
                .send("CLIENT", "TRACKING", "off", "REDIRECT", "987654")
                .send("CLIENT", "TRACKING", "on", "PREFIX", "x")
                .send("CLIENT", "TRACKING", "on", "OPTIN", "OPTOUT")
                .send("CLIENT", "TRACKING", "on", "OPTIN", "OPTOUT", "PREFIX", "x")
                .send("CLIENT", "TRACKING", "on", "BCAST", "OPTIN")
                .send("CLIENT", "TRACKING", "on", "BCAST", "OPTIN", "OPTOUT")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a", "PREFIX", "ab")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "ab", "PREFIX", "a")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a", "PREFIX", "a")
                .send("CLIENT", "TRACKING", "off", "BCAST", "OPTIN", "OPTOUT", "PREFIX", "x")
                .send("CLIENT", "CACHING", "yes")
                .send("CLIENT", "CACHING", "maybe")
                .send("CLIENT", "CACHING")
                .send("CLIENT", "GETREDIR", "x")
                .send("CLIENT", "TRACKINGINFO", "x")
                .send("CLIENT", "TRACKING", "on", "OPTIN")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "GETREDIR")
                .send("CLIENT", "CACHING", "no")
                .send("CLIENT", "CACHING", "maybe")
                .send("CLIENT", "CACHING", "yes")
                .send("CLIENT", "GETNAME")
                .send("CLIENT", "TRACKINGINFO")
                .send("PING")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "TRACKING", "on", "OPTOUT")
                .send("CLIENT", "TRACKING", "on", "BCAST")
                .send("CLIENT", "TRACKING", "on", "NOLOOP")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKING", "on", "OPTOUT", "NOLOOP")
                .send("CLIENT", "CACHING", "no")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "CACHING", "yes")
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "GETREDIR")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "b", "PREFIX", "a")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "abc")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a")
                .send("CLIENT", "TRACKING", "on", "BCAST", "NOLOOP", "PREFIX", "c")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "TRACKING", "on", "BCAST")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "d")
                .send("CLIENT", "TRACKING", "on")
                .send("CLIENT", "CACHING", "yes")
                .send("MULTI")
                .send("CLIENT", "TRACKING", "on", "PREFIX", "x")
                .send("CLIENT", "TRACKINGINFO")
                .send("EXEC")
                .send("RESET")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "GETREDIR")
                .build();
    }

    private static Script resp2GetsNoInvalidations() {
        return Script.named("client tracking on RESP2 without redirection sends nothing")
                .send("HELLO", "2")
                .send("CLIENT", "TRACKING", "on")
                .send("GET", "{t}k")
                .send("SET", "{t}k", "1")
                .send("PING")
                .send("FLUSHALL")
                .send("PING")
                .send("CLIENT", "TRACKING", "on", "BCAST")
                .send("SET", "{t}k", "2")
                .send("PING")
                .send("CLIENT", "TRACKINGINFO")
                .build();
    }

    private static Script defaultMode() {
        Script.Builder script = Script.named("client tracking default mode (RESP3)")
                .send("HELLO", "3")
                .send("CLIENT", "TRACKING", "on")
                .send("SET", "{t}k", "1")
                .send("GET", "{t}k")
                .send("SET", "{t}k", "2");
        push(script)
                .send("SET", "{t}k", "3")
                .send("GET", "{t}k")
                .send("GET", "{t}k")
                .send("DEL", "{t}k");
        push(script).send("MGET", "{t}k", "{t}k2").send("MSET", "{t}k", "1", "{t}k2", "2");
        push(push(script))
                .send("SADD", "{t}s", "a")
                .send("SMEMBERS", "{t}s")
                .send("SADD", "{t}s", "a")
                .send("SREM", "{t}s", "nope")
                .send("SCARD", "{t}s")
                .send("SADD", "{t}s", "b");
        push(script).send("HSET", "{t}h", "f", "v").send("GET", "{t}h").send("HSET", "{t}h", "f", "w");
        push(script).send("GET", "{t}k").send("EXPIRE", "{t}k", "100");
        push(script).send("GET", "{t}k").send("PERSIST", "{t}k");
        push(script)
                .send("PERSIST", "{t}k")
                .send("SETNX", "{t}k", "x")
                .send("GET", "{t}k")
                .send("APPEND", "{t}k", "x");
        push(script).send("GET", "{t}k").send("RENAME", "{t}k", "{t}z");
        push(script).send("GET", "{t}z").send("RENAME", "{t}z", "{t}k");
        push(script).send("GET", "{t}k").send("SET", "{t}k", "v", "GET");
        push(script).send("GET", "{t}k").send("GETDEL", "{t}k");
        push(script).send("GET", "{t}k").send("FLUSHALL");
        push(script).send("FLUSHDB");
        push(script).send("CLIENT", "TRACKINGINFO").send("GET", "{t}k").send("CLIENT", "TRACKING", "off");
        return script.send("SET", "{t}k", "1").send("PING").build();
    }

    private static Script transactionsAndScripts() {
        Script.Builder script = Script.named("client tracking in transactions and scripts (RESP3)")
                .send("HELLO", "3")
                .send("CLIENT", "TRACKING", "on")
                .send("GET", "{t}k")
                .send("MULTI")
                .send("SET", "{t}k", "4")
                .send("GET", "{t}k")
                .send("SET", "{t}k", "5")
                .send("EXEC");
        push(push(script))
                .send("GET", "{t}k")
                .send("EVAL", "redis.call('set',KEYS[1],'x'); return redis.call('get',KEYS[1])", "1", "{t}k");
        push(script).send("EVAL", "return redis.call('set',KEYS[1],'y')", "1", "{t}k");
        push(script)
                .send("EVAL", "return redis.call('get',KEYS[1])", "2", "{t}a", "{t}b")
                .send("SET", "{t}b", "1");
        push(script).send("SET", "{t}a", "1");
        push(script)
                .send("EVAL_RO", "return 1", "1", "{t}e")
                .send("SET", "{t}e", "1")
                .send("PING")
                .send("GET", "{t}sw")
                .send("MULTI")
                .send("CLIENT", "TRACKING", "off")
                .send("SET", "{t}sw", "1")
                .send("EXEC")
                .send("PING");
        return script.build();
    }

    private static Script optInOptOutAndNoLoop() {
        Script.Builder script = Script.named("client tracking OPTIN, OPTOUT and NOLOOP (RESP3)")
                .send("HELLO", "3")
                .send("CLIENT", "TRACKING", "on", "OPTIN")
                .send("GET", "{t}a")
                .send("CLIENT", "CACHING", "yes")
                .send("CLIENT", "GETNAME")
                .send("GET", "{t}b")
                .send("GET", "{t}c")
                .send("MSET", "{t}a", "1", "{t}b", "1", "{t}c", "1");
        push(script)
                .send("PING")
                .send("CLIENT", "CACHING", "yes")
                .send("MULTI")
                .send("GET", "{t}a")
                .send("GET", "{t}c")
                .send("EXEC")
                .send("MSET", "{t}a", "2", "{t}c", "2");
        push(push(script))
                .send("MULTI")
                .send("CLIENT", "CACHING", "yes")
                .send("GET", "{t}b")
                .send("EXEC")
                .send("SET", "{t}b", "3");
        push(script)
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKING", "on", "OPTOUT")
                .send("GET", "{t}y")
                .send("CLIENT", "CACHING", "no")
                .send("GET", "{t}z")
                .send("MSET", "{t}y", "1", "{t}z", "1");
        push(script)
                .send("PING")
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKING", "on", "NOLOOP")
                .send("GET", "{t}n")
                .send("SET", "{t}n", "1")
                .send("PING")
                .send("FLUSHALL");
        return push(script).send("PING").build();
    }

    private static Script broadcast() {
        Script.Builder script = Script.named("client tracking BCAST with prefixes (RESP3)")
                .send("HELLO", "3")
                .send("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "{t}p:", "PREFIX", "{t}q:")
                .send("SET", "{t}p:1", "x");
        push(script).send("MSET", "{t}p:2", "x", "{t}q:1", "y", "{t}p:0", "z", "{t}other", "1");
        push(push(script))
                .send("MULTI")
                .send("SET", "{t}p:b", "1")
                .send("SET", "{t}p:a", "1")
                .send("DEL", "{t}p:a")
                .send("EXEC");
        push(script)
                .send("GET", "{t}p:a")
                .send("SET", "{t}other", "2")
                .send("PING")
                .send("CLIENT", "TRACKING", "on", "BCAST", "NOLOOP", "PREFIX", "{t}r:")
                .send("CLIENT", "TRACKINGINFO")
                .send("SET", "{t}p:1", "y")
                .send("SET", "{t}r:1", "y")
                .send("PING")
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKING", "on", "BCAST")
                .send("SET", "{t}x", "1");
        push(script).send("FLUSHALL");
        return push(script).send("PING").build();
    }
}
