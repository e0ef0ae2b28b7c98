package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of the server administration commands whose replies are deterministic: CLIENT KILL, PAUSE,
 * NO-EVICT, UNBLOCK and TRACKING (tracking off), SAVE and LASTSAVE's type, SLOWLOG, LATENCY with the monitor disabled,
 * MEMORY USAGE errors, MODULE, LOLWUT and ACL with a simple user. Every script leaves the node as it found it (no
 * pause, no extra user).
 */
final class ServerAdminScripts {

    private ServerAdminScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(clientAdministration(), persistenceAndDiagnostics(), memoryModulesAndLolwut(), aclUsers());
    }

    private static Script clientAdministration() {
        byte[] latin = {(byte) 0xFF, (byte) 0xE9, 'x'};
        return Script.named("CLIENT KILL, PAUSE, NO-EVICT, UNBLOCK and TRACKING")
                .send("CLIENT", "HELP")
                .send("CLIENT", "KILL", "1.2.3.4:5")
                .send("CLIENT", "KILL", "ID", "999999")
                .send("CLIENT", "KILL", "ID", "0")
                .send("CLIENT", "KILL", "ID", "x")
                .send("CLIENT", "KILL", "TYPE", "foo")
                .send("CLIENT", "KILL", "TYPE", latin)
                .send("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "maybe")
                .send("CLIENT", "KILL", "FOO", "bar")
                .send("CLIENT", "KILL", "MAXAGE", "x")
                .send("CLIENT", "KILL", "ID", "1", "ADDR")
                .send("CLIENT", "KILL", "USER", "nobody")
                .send("CLIENT", "KILL", "LADDR", "1.1.1.1:1")
                .send("CLIENT", "KILL", "ADDR", "1.1.1.1:1", "SKIPME", "no")
                .send("CLIENT", "PAUSE")
                .send("CLIENT", "PAUSE", "x")
                .send("CLIENT", "PAUSE", "-1")
                .send("CLIENT", "PAUSE", "10", "FOO")
                .send("CLIENT", "PAUSE", "10", "WRITE")
                .send("CLIENT", "UNPAUSE")
                .send("CLIENT", "UNPAUSE", "x")
                .send("CLIENT", "REPLY", "FOO")
                .send("CLIENT", "REPLY", "ON")
                .send("CLIENT", "NO-EVICT", "maybe")
                .send("CLIENT", "NO-EVICT", "on")
                .send("CLIENT", "NO-EVICT", "off")
                .send("CLIENT", "UNBLOCK", "999999")
                .send("CLIENT", "UNBLOCK", "x")
                .send("CLIENT", "UNBLOCK", "999999", "FOO")
                .send("CLIENT", "UNBLOCK", "999999", "ERROR")
                .send("CLIENT", "GETREDIR")
                .send("CLIENT", "TRACKINGINFO")
                .send("CLIENT", "CACHING", "yes")
                .send("CLIENT", "CACHING", "maybe")
                .send("CLIENT", "TRACKING", "off")
                .send("CLIENT", "TRACKING", "maybe")
                .send("CLIENT", "TRACKING", "on", "FOO")
                .send("CLIENT", "TRACKING", "on", "OPTIN", "OPTOUT")
                .send("CLIENT", "TRACKING", "on", "REDIRECT", "999999")
                .send("CLIENT", "TRACKING", "on", "BCAST", "OPTIN")
                .send("CLIENT", "TRACKING", "on", "PREFIX", "a")
                .send("PING")
                .build();
    }

    private static Script persistenceAndDiagnostics() {
        return Script.named("SAVE, SLOWLOG and LATENCY")
                .send("SAVE")
                .send("BGSAVE", "FOO")
                .send("SLOWLOG", "GET", "x")
                .send("SLOWLOG", "GET", "-2")
                .send("SLOWLOG", "HELP")
                .send("SLOWLOG", "RESET")
                .send("LATENCY", "LATEST")
                .send("LATENCY", "HISTORY", "command")
                .send("LATENCY", "RESET")
                .send("LATENCY", "RESET", "foo")
                .send("LATENCY", "GRAPH", "command")
                .send("LATENCY", "DOCTOR")
                .send("LATENCY", "HELP")
                .send("LATENCY", "HISTOGRAM", "no-such-command")
                .build();
    }

    private static Script memoryModulesAndLolwut() {
        return Script.named("MEMORY, MODULE and LOLWUT")
                .send("MEMORY", "USAGE", "nokey")
                .send("SET", "foo", "bar")
                .send("MEMORY", "USAGE", "foo", "SAMPLES", "x")
                .send("MEMORY", "USAGE", "foo", "FOO")
                .send("MEMORY", "PURGE")
                .send("MEMORY", "HELP")
                .send("DEL", "foo")
                .send("MODULE", "LIST")
                .send("MODULE", "LOAD", "/nonexistent.so")
                .send("MODULE", "LOADEX", "/nonexistent.so", "CONFIG", "a", "b")
                .send("MODULE", "UNLOAD", "foo")
                .send("MODULE", "HELP")
                .send("LOLWUT")
                .send("LOLWUT", "VERSION", "4")
                .send("LOLWUT", "FOO")
                .send("LOLWUT", "VERSION", "x")
                .build();
    }

    private static Script aclUsers() {
        byte[] latin = {(byte) 0xFF, (byte) 0xE9, 'x'};
        return Script.named("ACL with a simple user")
                .send("ACL", "WHOAMI")
                .send("ACL", "USERS")
                .send("ACL", "LIST")
                .send("ACL", "CAT")
                .sendUnordered("ACL", "CAT", "keyspace")
                .send("ACL", "CAT", "nope")
                .send("ACL", "CAT", latin)
                .send("ACL", "GETUSER", "default")
                .send("ACL", "GETUSER", "nobody")
                .send("ACL", "GENPASS", "0")
                .send("ACL", "GENPASS", "5000")
                .send("ACL", "GENPASS", "x")
                .send("ACL", "LOG", "x")
                .send("ACL", "SAVE")
                .send("ACL", "LOAD")
                .send("ACL", "DRYRUN", "default", "GET", "x")
                .send("ACL", "DRYRUN", "nobody", "GET", "x")
                .send("ACL", "DRYRUN", "default", "nocmd")
                .send("ACL", "DRYRUN", "default", "GET")
                .send("ACL", "SETUSER", "slotwise-alice", "on", ">secret", "~*", "+@all")
                .send("ACL", "SETUSER", "slotwise-bob")
                .send("ACL", "SETUSER", "slotwise-bob", "foo")
                .send("ACL", "SETUSER", "slotwise-bob", "#abc")
                .send("ACL", "SETUSER", "slotwise-bob", "<nothere")
                .send("ACL", "LIST")
                .send("ACL", "USERS")
                .send("ACL", "GETUSER", "slotwise-alice")
                .send("ACL", "GETUSER", "slotwise-bob")
                .send("ACL", "DRYRUN", "slotwise-bob", "GET", "x")
                .send("ACL", "DRYRUN", "slotwise-bob", "PING")
                .send("AUTH", "slotwise-alice", "wrong")
                .send("AUTH", "slotwise-bob", "x")
                .send("AUTH", "slotwise-alice", "secret")
                .send("ACL", "WHOAMI")
                .send("AUTH", "default", "anything")
                .send("ACL", "SETUSER", "slotwise-bob", "reset")
                .send("ACL", "LIST")
                .send("ACL", "DELUSER", "slotwise-alice", "slotwise-bob", "nobody")
                .send("ACL", "DELUSER", "default")
                .send("ACL", "USERS")
                .build();
    }
}
