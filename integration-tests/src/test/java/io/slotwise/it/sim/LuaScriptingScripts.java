package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of scripting: EVAL and its relatives, the script cache, functions, the conversions between Lua
 * values and replies in RESP2 and RESP3, the Lua library as Redis 7.0 bundles it, and the error texts scripts get.
 * Function libraries outlive FLUSHALL, so every script that loads one flushes them first and last. Nothing here
 * depends on table iteration order or {@code math.random}, which Redis leaves to its hash seed and shared state.
 */
final class LuaScriptingScripts {

    private LuaScriptingScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                evalBasics(),
                replyConversions(),
                resp3Conversions(),
                scriptErrors(),
                scriptCache(),
                library(),
                patterns(),
                functions(),
                functionErrors(),
                serviceScripts());
    }

    private static Script evalBasics() {
        return Script.named("eval runs commands with KEYS and ARGV")
                .send("EVAL", "return redis.call('set', KEYS[1], ARGV[1])", "1", "k", "v")
                .send("EVAL", "return redis.call('get', KEYS[1])", "1", "k")
                .send("EVAL", "return {KEYS[1], ARGV[1], ARGV[2], #KEYS, #ARGV}", "1", "k", "a", "b")
                .send("EVAL", "return redis.call('incrby', KEYS[1], ARGV[1])", "1", "n", "5")
                .send("EVAL", "return redis.call('incrbyfloat', KEYS[1], 0.1)", "1", "f")
                .send("EVAL_RO", "return redis.call('get', KEYS[1])", "1", "k")
                .send("EVAL", "return redis.call('hgetall', KEYS[1])", "1", "nohash")
                .send("EVAL", "return redis.call('hmget', KEYS[1], 'a')", "1", "nohash")
                .send("EVAL", "return 1", "2", "a")
                .send("EVAL", "return 1", "-1", "a")
                .send("EVAL", "return 1", "x")
                .send("EVAL", "return 1")
                .send("GET", "k")
                .build();
    }

    private static Script replyConversions() {
        return Script.named("lua values become replies as in Redis")
                .send("EVAL", "return {1, 2.7, -3.2, true, false, 'x', nil, 5}", "0")
                .send("EVAL", "return {1, {2, {3}}, {err='inner'}, {ok='fine'}}", "0")
                .send("EVAL", "return 3.99", "0")
                .send("EVAL", "return", "0")
                .send("EVAL", "return nil", "0")
                .send("EVAL", "return false", "0")
                .send("EVAL", "return true", "0")
                .send("EVAL", "return {a=1}", "0")
                .send("EVAL", "return {err=5}", "0")
                .send("EVAL", "return redis.status_reply('PONG')", "0")
                .send("EVAL", "return redis.error_reply('FOO bar')", "0")
                .send("EVAL", "return redis.error_reply('bar')", "0")
                .send("EVAL", "return redis.error_reply('-bar baz')", "0")
                .send("EVAL", "return redis.error_reply()", "0")
                .send("EVAL", "return {err='bar'}", "0")
                .send("EVAL", "return redis.call('ping')", "0")
                .send("EVAL", "return type(redis.call('get', 'nokey'))", "0")
                .send("EVAL", "return {double=3.5}", "0")
                .send("EVAL", "return {map={a=1}}", "0")
                .send("EVAL", "return {set={a=true}}", "0")
                .send("EVAL", "return redis.sha1hex('')", "0")
                .send("EVAL", "return redis.pcall('incr', 'a', 'b')", "0")
                .send("EVAL", "return redis.pcall('nosuch')", "0")
                .send("EVAL", "return tostring(1e15)..' '..tostring(0.1)..' '..tostring(1/0)..' '..tostring(2^53)", "0")
                .send("EVAL", "return redis.REDIS_VERSION", "0")
                .build();
    }

    private static Script resp3Conversions() {
        return Script.named("redis.setresp(3) converts RESP3 replies")
                .send("HSET", "h", "a", "1")
                .send("EVAL", "redis.setresp(3); return redis.call('hgetall', KEYS[1])", "1", "h")
                .send("EVAL", "redis.setresp(3); return type(redis.call('hgetall', KEYS[1]).map)", "1", "h")
                .send("EVAL", "redis.setresp(3); return redis.call('get', 'nokey') == nil", "0")
                .send("EVAL", "redis.setresp(3); return false", "0")
                .send("EVAL", "redis.setresp(3); return true", "0")
                .send("EVAL", "return redis.setresp(4)", "0")
                .send("EVAL", "redis.setresp(3); return redis.call('zscore', 'noz', 'm')", "0")
                .build();
    }

    private static Script scriptErrors() {
        return Script.named("script errors carry the script and line")
                .send("SET", "s", "v")
                .send("EVAL", "return redis.call('lpush', 's', 'x')", "0")
                .send("EVAL", "\n\nreturn redis.call('lpush', 's', 'x')", "0")
                .send("EVAL", "local r = redis.pcall('lpush', 's', 'x'); return {type(r), r.err}", "0")
                .send("EVAL", "return redis.call('nosuch')", "0")
                .send("EVAL", "return redis.call('get')", "0")
                .send("EVAL", "return redis.call('subscribe', 'x')", "0")
                .send("EVAL", "return redis.call('blpop', 'l', 0)", "0")
                .send("EVAL", "return redis.call()", "0")
                .send("EVAL", "return redis.call('set', 'a', {})", "0")
                .send("EVAL", "return x", "0")
                .send("EVAL", "x = 5", "0")
                .send("EVAL", "return 1 +", "0")
                .send("EVAL", "error('boom')", "0")
                .send("EVAL", "error({err='MY custom'})", "0")
                .send("EVAL", "error(12)", "0")
                .send("EVAL", "return nil + 1", "0")
                .send("EVAL", "local t = nil; return t.x", "0")
                .send("EVAL", "local ok, e = pcall(redis.call, 'lpush', 's', 'x'); return {tostring(ok), e}", "0")
                .send("EVAL", "local ok, e = pcall(error, {err = 'X y'}); return {tostring(ok), e}", "0")
                .send("EVAL", "return redis.status_reply()", "0")
                .send("EVAL", "redis.log(1)", "0")
                .send("EVAL", "redis.set_repl(7)", "0")
                .send("EVAL_RO", "return redis.call('set', 'x', 1)", "0")
                .send("EVAL", "#!lua flags=no-writes\nreturn redis.call('set', 'x', 1)", "0")
                .send("EVAL", "#!lua flags=bogus\nreturn 1", "0")
                .send("EVAL", "#!lua name=x\nreturn 1", "0")
                .send("EVAL", "#!python\nreturn 1", "0")
                .send("EVAL_RO", "#!lua\nreturn 1", "0")
                .send("EVAL", "#!lua flags=no-writes,allow-stale\nreturn 1", "0")
                .send("EVAL", "return redis.sha1hex()", "0")
                .build();
    }

    private static Script scriptCache() {
        return Script.named("script cache")
                .send("SCRIPT", "FLUSH")
                .send("EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0")
                .send("EVALSHA", "abc", "0")
                .send("SCRIPT", "LOAD", "return 1")
                .send("EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0")
                .send("EVALSHA", "E0E1F9FABFC9D4800C877A703B823AC0578FF8DB", "0")
                .send("EVALSHA_RO", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0")
                .send("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "abc")
                .send("SCRIPT", "LOAD", "return +")
                .send("SCRIPT", "FLUSH", "ASYNC")
                .send("SCRIPT", "FLUSH", "foo")
                .send("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db")
                .send("SCRIPT", "KILL")
                .send("SCRIPT", "HELP")
                .build();
    }

    private static Script library() {
        return Script.named("lua library as Redis bundles it")
                .send(
                        "EVAL",
                        "return string.format('%5.2f|%d|%s|%x|%g|%g|%05d|%-5s|%X|%o|%c|%e|%i', 3.14159, 42, "
                                + "'hi', 255, 1e20, 0.1, 42, 'ab', 255, 8, 65, 12345.678, 7)",
                        "0")
                .send("EVAL", "return string.format('%q', 'a\\nb\\0c\"')", "0")
                .send(
                        "EVAL",
                        "return {string.rep('ab', 3), string.sub('hello', 2, -2), string.upper('x'), "
                                + "string.byte('A'), string.char(72, 105), string.len('abc'), string.reverse('abc')}",
                        "0")
                .send("EVAL", "return {tonumber('0x10'), tonumber('z'), tonumber('ff', 16), tostring(nil)}", "0")
                .send(
                        "EVAL",
                        "local t = {3, 1, 2}; table.sort(t); table.insert(t, 4); table.insert(t, 1, 0); "
                                + "return {table.concat(t, ','), table.remove(t), #t, table.getn(t)}",
                        "0")
                .send(
                        "EVAL",
                        "return {math.floor(3.7), math.ceil(3.2), math.abs(-2), math.max(1, 5, 3), "
                                + "math.min(4, 2), math.fmod(7, 3), math.pow(2, 10), tostring(math.huge), tostring(math.pi)}",
                        "0")
                .send(
                        "EVAL",
                        "return {bit.band(12, 10), bit.bor(12, 10), bit.bxor(12, 10), bit.bnot(0), "
                                + "bit.lshift(1, 4), bit.rshift(-1, 28), bit.tohex(255), bit.tohex(255, -4)}",
                        "0")
                .send("EVAL", "return cjson.encode({1, 2, 'x', {a = {true, false}}})", "0")
                .send("EVAL", "return cjson.encode('a/b\"')", "0")
                .send(
                        "EVAL",
                        "local t = cjson.decode('{\"a\":[1,2,{\"b\":null}]}'); "
                                + "return {t.a[2], #t.a, tostring(t.a[3].b == cjson.null)}",
                        "0")
                .send("EVAL", "return cjson.decode('{')", "0")
                .send("EVAL", "return select('#', 1, nil, 3)", "0")
                .send("EVAL", "return {pcall(error, 'x')}", "0")
                .send("EVAL", "local ok, e = pcall(error, 'x'); return e", "0")
                .send("EVAL", "local ok, e = pcall(function() error('x') end); return e", "0")
                .send(
                        "EVAL",
                        "local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}); " + "return t.hey",
                        "0")
                .send("EVAL", "local function f(...) return select('#', ...), ... end; return {f(1, 2)}", "0")
                .send(
                        "EVAL",
                        "local fs = {}; for i = 1, 3 do fs[i] = function() return i end end; "
                                + "return {fs[1](), fs[3]()}",
                        "0")
                .send("EVAL", "string.foo = 1", "0")
                .send("EVAL", "return string.rep()", "0")
                .send("EVAL", "return #KEYS + 0.5 .. ''", "0")
                .build();
    }

    private static Script patterns() {
        return Script.named("lua patterns")
                .send("EVAL", "return {string.find('hello world', 'wor')}", "0")
                .send("EVAL", "return {string.find('key:123', '(%a+):(%d+)')}", "0")
                .send("EVAL", "return string.match('  trim  ', '^%s*(.-)%s*$')", "0")
                .send("EVAL", "return {string.match('2024-01-15', '(%d+)-(%d+)-(%d+)')}", "0")
                .send("EVAL", "return {string.match('hello', '()ll()')}", "0")
                .send("EVAL", "return string.match('f(a(b)c)d', '%b()')", "0")
                .send("EVAL", "return {string.gsub('hello world', '(%w+)', '<%1>')}", "0")
                .send("EVAL", "return {string.gsub('hello', '', '-')}", "0")
                .send("EVAL", "return {string.gsub('abc', '%w', function(c) return c:upper() .. '.' end)}", "0")
                .send(
                        "EVAL",
                        "local t = {}; for w in string.gmatch('one two  three', '%a+') do t[#t + 1] = w end; "
                                + "return t",
                        "0")
                .send("EVAL", "return string.find('a', '[a')", "0")
                .send("EVAL", "return string.match('a', '(a')", "0")
                .build();
    }

    private static Script functions() {
        String code = "#!lua name=mylib\n"
                + "redis.register_function('getit', function(keys, args) return redis.call('get', keys[1]) end)";
        String roCode = "#!lua name=rolib\n"
                + "redis.register_function{function_name='echo', callback=function(keys, args) return args[1] end, "
                + "flags={'no-writes'}, description='echoes'}";
        String failing =
                "#!lua name=errlib\n" + "redis.register_function('fails',\nfunction(keys, args)\nerror('oops') end)";
        return Script.named("functions")
                .send("FUNCTION", "FLUSH")
                .send("FUNCTION", "LOAD", code)
                .send("FUNCTION", "LOAD", code)
                .send("FUNCTION", "LOAD", "REPLACE", code)
                .send("FUNCTION", "LOAD", roCode)
                .send("FUNCTION", "LOAD", failing)
                .send("SET", "k", "v")
                .send("FCALL", "getit", "1", "k")
                .send("FCALL_RO", "getit", "1", "k")
                .send("FCALL_RO", "echo", "0", "hello")
                .send("FCALL", "fails", "0")
                .send("FCALL", "nosuch", "0")
                .send("FCALL", "getit", "2", "k")
                .send("FUNCTION", "LIST", "LIBRARYNAME", "mylib")
                .send("FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", "rolib")
                .send("FUNCTION", "LIST", "LIBRARYNAME", "none*")
                .send("FUNCTION", "STATS")
                .send("FUNCTION", "DELETE", "errlib")
                .send("FUNCTION", "DELETE", "errlib")
                .send("FUNCTION", "DELETE", "rolib")
                .send("FUNCTION", "STATS")
                .send("FUNCTION", "FLUSH", "foo")
                .send("FUNCTION", "FLUSH", "SYNC")
                .send("FUNCTION", "LIST")
                .send("FUNCTION", "DUMP")
                .send("FUNCTION", "KILL")
                .send("FUNCTION", "HELP")
                .build();
    }

    private static Script functionErrors() {
        return Script.named("function load errors")
                .send("FUNCTION", "FLUSH")
                .send("FUNCTION", "LOAD", "return 1")
                .send("FUNCTION", "LOAD", "#!lua name=lib2\nreturn 1")
                .send("FUNCTION", "LOAD", "#!lua name=lib2\nredis.call('ping')")
                .send("FUNCTION", "LOAD", "#!lua name=lib2 foo=bar\nredis.register_function('g', function() end)")
                .send("FUNCTION", "LOAD", "#!lua\nredis.register_function('g', function() end)")
                .send("FUNCTION", "LOAD", "#!lua name=bad-name\nredis.register_function('g', function() end)")
                .send("FUNCTION", "LOAD", "#!lua name=lib3\nredis.register_function('bad name', function() end)")
                .send("FUNCTION", "LOAD", "#!lua name=lib3\nredis.register_function('g', function() end, 'x')")
                .send(
                        "FUNCTION",
                        "LOAD",
                        "#!lua name=lib3\n"
                                + "redis.register_function{function_name='g', callback=function() end, flags={'bogus'}}")
                .send("FUNCTION", "LOAD", "#!lua name=lib3\nlocal x = 1 +")
                .send("FUNCTION", "LOAD", "#!js name=lib3\nx")
                .send("FUNCTION", "LOAD", "foo", "bar")
                .send("FUNCTION", "LIST", "WITHCODE", "WITHCODE")
                .send("FUNCTION", "LIST", "LIBRARYNAME")
                .send("FUNCTION", "RESTORE", "abc")
                .send("FUNCTION", "RESTORE", "abc", "foo")
                .send("FUNCTION", "FLUSH")
                .build();
    }

    private static Script serviceScripts() {
        String limiter = "local current = redis.call('incr', KEYS[1])\n"
                + "if tonumber(current) == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end\n"
                + "if current > tonumber(ARGV[2]) then return 0 end\nreturn 1";
        String unlock = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
                + "else return 0 end";
        String compareAndSet = "local v = redis.call('get', KEYS[1])\n"
                + "if v == ARGV[1] or (v == false and ARGV[1] == '') then redis.call('set', KEYS[1], ARGV[2]) "
                + "return 1 end\nreturn 0";
        String queueMove = "local item = redis.call('lmove', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')\n"
                + "if item then redis.call('zadd', KEYS[3], ARGV[1], item) end\nreturn item";
        return Script.named("scripts services run: rate limiter, lock, compare-and-set, queue move")
                .send("EVAL", limiter, "1", "{u}rl", "60000", "2")
                .send("EVAL", limiter, "1", "{u}rl", "60000", "2")
                .send("EVAL", limiter, "1", "{u}rl", "60000", "2")
                .send("SET", "{u}lock", "token", "NX", "PX", "30000")
                .send("EVAL", unlock, "1", "{u}lock", "other")
                .send("EVAL", unlock, "1", "{u}lock", "token")
                .send("EVAL", compareAndSet, "1", "{u}cas", "", "one")
                .send("EVAL", compareAndSet, "1", "{u}cas", "zero", "two")
                .send("EVAL", compareAndSet, "1", "{u}cas", "one", "two")
                .send("GET", "{u}cas")
                .send("RPUSH", "{q}ready", "a", "b")
                .send("EVAL", queueMove, "3", "{q}ready", "{q}working", "{q}deadlines", "100")
                .send("EVAL", queueMove, "3", "{q}ready", "{q}working", "{q}deadlines", "200")
                .send("EVAL", queueMove, "3", "{q}ready", "{q}working", "{q}deadlines", "300")
                .send("LRANGE", "{q}working", "0", "-1")
                .send("ZRANGE", "{q}deadlines", "0", "-1", "WITHSCORES")
                .send("EVAL", "return redis.call('get', KEYS[1])", "2", "{u}a", "{v}b")
                .build();
    }
}
