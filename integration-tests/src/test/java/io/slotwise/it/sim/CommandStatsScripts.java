package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of INFO commandstats and latencystats: which commands count as calls, failed calls and
 * rejected calls (executed, erroring, refused for arity, CROSSSLOT, in a transaction, inside scripts, while
 * subscribed), CONFIG RESETSTAT, and the configured percentiles. Times are masked ({@link
 * Normalisation#COMMAND_STATS}). Every script starts from CONFIG RESETSTAT and restores the directives it changes.
 */
final class CommandStatsScripts {

    private CommandStatsScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(callsFailuresAndRejections(), transactionsAndScripts(), percentilesAndTracking());
    }

    private static Script callsFailuresAndRejections() {
        return Script.named("INFO commandstats: calls, failed and rejected calls")
                .send("CONFIG", "RESETSTAT")
                .send("INFO", "commandstats")
                .send("SET", "{s}s", "v")
                .send("LPUSH", "{s}s", "x")
                .send("INCR", "{s}s")
                .send("GET")
                .send("NOSUCH", "x")
                .send("CLIENT", "NOSUCH")
                .send("CLIENT", "SETNAME")
                .send("MGET", "a", "b")
                .send("SUBSCRIBE", "ch")
                .send("GET", "{s}s")
                .send("UNSUBSCRIBE", "ch")
                .send("INFO", "commandstats")
                .send("INFO", "COMMANDSTATS", "errorstats")
                .send("CONFIG", "RESETSTAT")
                .send("INFO", "commandstats")
                .build();
    }

    private static Script transactionsAndScripts() {
        return Script.named("INFO commandstats: MULTI/EXEC and scripts")
                .send("SET", "{s}s", "v")
                .send("CONFIG", "RESETSTAT")
                .send("MULTI")
                .send("SET", "{s}a", "1")
                .send("INCR", "{s}s")
                .send("EXEC")
                .send("MULTI")
                .send("GET")
                .send("SET", "{s}a", "1")
                .send("EXEC")
                .send("MULTI")
                .send("WATCH", "{s}x")
                .send("MULTI")
                .send("SAVE")
                .send("DISCARD")
                .send("EVAL", "redis.call('set','{s}a','1') return redis.call('get','{s}a')", "0")
                .send("EVAL", "return redis.call('incr','{s}s')", "0")
                .send("EVAL", "return redis.pcall('incr','{s}s')", "0")
                .send("EVAL", "return redis.call('get')", "0")
                .send("EVAL", "return redis.pcall('nosuch')", "0")
                .send("EVAL", "return redis.call('multi')", "0")
                .send("EVAL_RO", "return redis.call('set','{s}a','b')", "1", "{s}a")
                .send("INFO", "commandstats")
                .build();
    }

    private static Script percentilesAndTracking() {
        return Script.named("INFO latencystats: percentiles and latency-tracking")
                .send("CONFIG", "RESETSTAT")
                .send("PING")
                .send("INFO", "latencystats")
                .send("CONFIG", "SET", "latency-tracking-info-percentiles", "99.90 1e1 0 100")
                .send("CONFIG", "GET", "latency-tracking-info-percentiles")
                .send("INFO", "latencystats")
                .send("CONFIG", "SET", "latency-tracking-info-percentiles", "101")
                .send("CONFIG", "SET", "latency-tracking-info-percentiles", "abc")
                .send("CONFIG", "SET", "latency-tracking-info-percentiles", "")
                .send("INFO", "latencystats")
                .send("CONFIG", "SET", "latency-tracking", "no")
                .send("CONFIG", "GET", "latency-tracking")
                .send("CONFIG", "RESETSTAT")
                .send("PING")
                .send("INFO", "latencystats", "commandstats")
                .send("CONFIG", "SET", "latency-tracking", "yes")
                .send("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99 99.9")
                .send("INFO", "latencystats")
                .build();
    }
}
