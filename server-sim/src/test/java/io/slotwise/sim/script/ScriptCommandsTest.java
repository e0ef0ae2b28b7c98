package io.slotwise.sim.script;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptCommandsTest {
    private static final String NULL = "$-1\r\n";
    private static SimNode node;
    private static RespClient client;

    @BeforeAll
    static void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
        client = RespClient.connect(node.port());
    }

    @AfterAll
    static void closeNode() {
        client.close();
        node.close();
    }

    @BeforeEach
    void emptyNode() {
        client.call("FLUSHALL");
        client.call("SCRIPT", "FLUSH");
        client.call("FUNCTION", "FLUSH");
    }

    private static String sha(String script) {
        return Sha1.hex(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void evalRunsCommandsWithKeysAndArgv() {
        assertEquals(simple("OK"), client.call("EVAL", "return redis.call('set', KEYS[1], ARGV[1])", "1", "k", "v"));
        assertEquals(bulk("v"), client.call("GET", "k"));
        assertEquals(integer(2), client.call("EVAL", "return redis.call('incrby', KEYS[1], 2)", "1", "n"));
    }

    @Test
    void luaValuesConvertToRepliesAsRedisDoes() {
        assertEquals(
                array(integer(1), integer(2), integer(-3), integer(1), NULL, bulk("x")),
                client.call("EVAL", "return {1, 2.7, -3.2, true, false, 'x'}", "0"));
        assertEquals(NULL, client.call("EVAL", "return false", "0"));
        assertEquals(NULL, client.call("EVAL", "return", "0"));
        assertEquals(error("FOO bar"), client.call("EVAL", "return redis.error_reply('FOO bar')", "0"));
        assertEquals(simple("PONG"), client.call("EVAL", "return redis.status_reply('PONG')", "0"));
        assertEquals(array(), client.call("EVAL", "return {a = 1}", "0"));
        assertEquals(bulk("boolean"), client.call("EVAL", "return type(redis.call('get', 'nokey'))", "0"));
        assertEquals(
                bulk("da39a3ee5e6b4b0d3255bfef95601890afd80709"), client.call("EVAL", "return redis.sha1hex('')", "0"));
    }

    @Test
    void errorsCarryTheScriptAndLine() {
        client.call("SET", "s", "v");
        String script = "\nreturn redis.call('lpush', 's', 'x')";
        assertEquals(
                error("WRONGTYPE Operation against a key holding the wrong kind of value script: " + sha(script)
                        + ", on @user_script:2."),
                client.call("EVAL", script, "0"));
        assertEquals(
                error("ERR user_script:1: Script attempted to access nonexistent global variable 'x' script: "
                        + sha("return x") + ", on @user_script:1."),
                client.call("EVAL", "return x", "0"));
        assertEquals(
                error("ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'"),
                client.call("EVAL", "return 1 +", "0"));
        assertEquals(
                error("ERR Wrong number of args calling Redis command from script"),
                client.call("EVAL", "return redis.pcall('incr', 'a', 'b')", "0"));
        String unknown = "return redis.call('nosuch')";
        assertEquals(
                error("ERR Unknown Redis command called from script script: " + sha(unknown) + ", on @user_script:1."),
                client.call("EVAL", unknown, "0"));
        String blocking = "return redis.call('blpop', 'l', 0)";
        assertEquals(
                error("ERR This Redis command is not allowed from script script: " + sha(blocking)
                        + ", on @user_script:1."),
                client.call("EVAL", blocking, "0"));
        String ro = "return redis.call('set', 'x', 1)";
        assertEquals(
                error("ERR Write commands are not allowed from read-only scripts. script: " + sha(ro)
                        + ", on @user_script:1."),
                client.call("EVAL_RO", ro, "0"));
    }

    @Test
    void numkeysIsValidated() {
        assertEquals(
                error("ERR Number of keys can't be greater than number of args"),
                client.call("EVAL", "return 1", "2", "a"));
        assertEquals(error("ERR Number of keys can't be negative"), client.call("EVAL", "return 1", "-1", "a"));
        assertEquals(error("ERR value is not an integer or out of range"), client.call("EVAL", "return 1", "x"));
    }

    @Test
    void scriptCacheServesEvalsha() {
        String sha = sha("return ARGV[1]");
        assertEquals(error("NOSCRIPT No matching script. Please use EVAL."), client.call("EVALSHA", sha, "0", "a"));
        assertEquals(bulk(sha), client.call("SCRIPT", "LOAD", "return ARGV[1]"));
        assertEquals(bulk("a"), client.call("EVALSHA", sha.toUpperCase(java.util.Locale.ROOT), "0", "a"));
        assertEquals(array(integer(1), integer(0)), client.call("SCRIPT", "EXISTS", sha, "ffff"));
        assertEquals(simple("OK"), client.call("SCRIPT", "FLUSH", "ASYNC"));
        assertEquals(array(integer(0)), client.call("SCRIPT", "EXISTS", sha));
        assertEquals(error("NOTBUSY No scripts in execution right now."), client.call("SCRIPT", "KILL"));
    }

    @Test
    void rateLimiterAndLockScriptsRunUnchanged() {
        String limiter = "local current = redis.call('incr', KEYS[1])\n"
                + "if tonumber(current) == 1 then redis.call('expire', KEYS[1], ARGV[1]) end\n"
                + "if current > tonumber(ARGV[2]) then return 0 end\nreturn 1";
        assertEquals(integer(1), client.call("EVAL", limiter, "1", "rl", "60", "2"));
        assertEquals(integer(1), client.call("EVAL", limiter, "1", "rl", "60", "2"));
        assertEquals(integer(0), client.call("EVAL", limiter, "1", "rl", "60", "2"));
        String unlock = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
                + "else return 0 end";
        client.call("SET", "lock", "token", "NX", "PX", "30000");
        assertEquals(integer(0), client.call("EVAL", unlock, "1", "lock", "other"));
        assertEquals(integer(1), client.call("EVAL", unlock, "1", "lock", "token"));
    }

    @Test
    void functionsLoadListAndCall() {
        String code = "#!lua name=mylib\n"
                + "redis.register_function('getit', function(keys, args) return redis.call('get', keys[1]) end)\n"
                + "redis.register_function{function_name='ro', callback=function(keys, args) return args[1] end, "
                + "flags={'no-writes'}, description='desc'}";
        assertEquals(bulk("mylib"), client.call("FUNCTION", "LOAD", code));
        assertEquals(error("ERR Library 'mylib' already exists"), client.call("FUNCTION", "LOAD", code));
        assertEquals(bulk("mylib"), client.call("FUNCTION", "LOAD", "REPLACE", code));
        client.call("SET", "k", "v");
        assertEquals(bulk("v"), client.call("FCALL", "getit", "1", "k"));
        assertEquals(bulk("a"), client.call("FCALL_RO", "ro", "0", "a"));
        assertEquals(
                error("ERR Can not execute a script with write flag using *_ro command."),
                client.call("FCALL_RO", "getit", "1", "k"));
        assertEquals(error("ERR Function not found"), client.call("FCALL", "nosuch", "0"));
        String list = client.call("FUNCTION", "LIST", "LIBRARYNAME", "my*");
        assertEquals(true, list.contains("mylib") && list.contains("desc") && list.contains("no-writes"));
        String dump = client.call("FUNCTION", "DUMP");
        assertEquals(simple("OK"), client.call("FUNCTION", "DELETE", "mylib"));
        assertEquals(error("ERR Library not found"), client.call("FUNCTION", "DELETE", "mylib"));
        assertEquals(error("ERR Function not found"), client.call("FCALL", "getit", "1", "k"));
        int start = dump.indexOf("\r\n") + 2;
        String payload = dump.substring(start, dump.length() - 2);
        client.sendRaw("*3\r\n$8\r\nFUNCTION\r\n$7\r\nRESTORE\r\n$" + payload.length() + "\r\n" + payload + "\r\n");
        assertEquals(simple("OK"), client.read());
        assertEquals(bulk("v"), client.call("FCALL", "getit", "1", "k"));
    }

    @Test
    void functionLoadErrorsReadAsRedis() {
        assertEquals(error("ERR Missing library metadata"), client.call("FUNCTION", "LOAD", "return 1"));
        assertEquals(error("ERR No functions registered"), client.call("FUNCTION", "LOAD", "#!lua name=l\nreturn 1"));
        assertEquals(error("ERR Engine 'js' not found"), client.call("FUNCTION", "LOAD", "#!js name=l\nx"));
        assertEquals(
                error("ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent"
                        + " global variable 'call'"),
                client.call("FUNCTION", "LOAD", "#!lua name=l\nredis.call('ping')"));
        assertEquals(
                error("ERR Error registering functions: ERR wrong number of arguments to redis.register_function"),
                client.call("FUNCTION", "LOAD", "#!lua name=l\nredis.register_function('g', function() end, 'x')"));
        assertEquals(
                error("ERR Error compiling function: user_function:2: unexpected symbol near '<eof>'"),
                client.call("FUNCTION", "LOAD", "#!lua name=l\nlocal x = 1 +"));
    }

    @Test
    void emptyFunctionDumpIsRedisPayload() {
        assertEquals("$10\r\n\n\u0000\u005d\u009b\\@\u000f\u007f\u00a2\u00da\r\n", client.call("FUNCTION", "DUMP"));
    }
}
