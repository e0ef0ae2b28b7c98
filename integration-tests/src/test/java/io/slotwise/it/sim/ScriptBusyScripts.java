package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of what a single connection sees of busy scripts: the {@code busy-reply-threshold} directive
 * and its alias {@code lua-time-limit} (values, globs, errors; restored to the default 5000 at the end), NOTBUSY from
 * SCRIPT KILL and FUNCTION KILL, and a script that loops well below the threshold. What other clients see while a
 * script is busy needs two connections and timing, which these scripts cannot express; server-sim's ScriptBusyTest
 * covers it against texts taken from Redis 7.0.15.
 */
final class ScriptBusyScripts {

    private ScriptBusyScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(threshold(), nothingToKill());
    }

    private static Script threshold() {
        return Script.named("busy-reply-threshold and its alias lua-time-limit")
                .send("CONFIG", "GET", "busy-reply-threshold")
                .send("CONFIG", "GET", "lua-time-limit")
                .send("CONFIG", "GET", "LUA-TIME-LIMIT")
                .send("CONFIG", "GET", "busy-reply-*")
                .send("CONFIG", "GET", "lua-time-*")
                .send("CONFIG", "SET", "lua-time-limit", "-1")
                .send("CONFIG", "SET", "busy-reply-threshold", "abc")
                .send("CONFIG", "SET", "Busy-Reply-Threshold", "1mb")
                .send("CONFIG", "SET", "lua-time-limit", "4000")
                .send("CONFIG", "GET", "busy-reply-threshold")
                .send("CONFIG", "SET", "busy-reply-threshold", "5000")
                .send("CONFIG", "GET", "lua-time-limit")
                .build();
    }

    private static Script nothingToKill() {
        return Script.named("SCRIPT KILL and FUNCTION KILL with no script running")
                .send("SCRIPT", "KILL")
                .send("FUNCTION", "KILL")
                .send("EVAL", "local n = 0 for i = 1, 200000 do n = n + i end return n", "0")
                .send("SCRIPT", "KILL")
                .send("FUNCTION", "STATS")
                .build();
    }
}
