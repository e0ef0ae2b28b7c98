package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of the collection commands with deterministic replies: hashes, lists, sets and sorted sets,
 * with their argument errors and encodings. Replies whose order Redis leaves to a random hash seed (hash-table sets
 * and hashes) are compared unordered.
 */
final class CollectionScripts {

    private CollectionScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                hashes(),
                lists(),
                listIndexCheckOrder(),
                sets(),
                sortedSets(),
                doubleFormatting(),
                hexadecimalScoreBounds(),
                negativeZeroScore());
    }

    private static Script hashes() {
        return Script.named("hashes")
                .send("HSET", "h", "f1", "v1", "f2", "v2")
                .send("HSET", "h", "f1")
                .send("HGET", "h", "f1")
                .send("HGET", "h", "nope")
                .send("HMGET", "h", "f1", "nope", "f2")
                .sendUnorderedPairs("HGETALL", "h")
                .sendUnordered("HKEYS", "h")
                .sendUnordered("HVALS", "h")
                .send("HLEN", "h")
                .send("HEXISTS", "h", "f1")
                .send("HSETNX", "h", "f1", "x")
                .send("HSETNX", "h", "f3", "x")
                .send("HDEL", "h", "f3", "nope")
                .send("HSTRLEN", "h", "f1")
                .send("HINCRBY", "h", "n", "5")
                .send("HINCRBY", "h", "f1", "1")
                .send("HINCRBY", "h", "n", "abc")
                .send("HINCRBY", "h", "n", "9223372036854775807")
                .send("HINCRBYFLOAT", "h", "fl", "1.5")
                .send("HINCRBYFLOAT", "h", "fl", "nan")
                .send("HINCRBYFLOAT", "h", "fl", "inf")
                .send("HINCRBYFLOAT", "h", "f1", "1")
                .send("HMSET", "h", "a", "1", "b")
                .send("HMSET", "h", "a", "1", "b", "2")
                .send("OBJECT", "ENCODING", "h")
                .send("HSET", "h", "long", "x".repeat(65))
                .send("OBJECT", "ENCODING", "h")
                .sendUnorderedPairs("HGETALL", "h")
                .send("HGETALL", "nope")
                .send("HDEL", "h", "f1", "f2", "n", "fl", "a", "b", "long")
                .send("EXISTS", "h")
                .build();
    }

    private static Script lists() {
        return Script.named("lists")
                .send("RPUSH", "l", "a", "b", "c")
                .send("LPUSH", "l", "z")
                .send("LRANGE", "l", "0", "-1")
                .send("LRANGE", "l", "-100", "100")
                .send("LRANGE", "l", "5", "1")
                .send("LINDEX", "l", "1")
                .send("LINDEX", "l", "100")
                .send("LINDEX", "l", "abc")
                .send("LSET", "l", "1", "y")
                .send("LSET", "l", "100", "y")
                .send("LSET", "none", "0", "y")
                .send("LINSERT", "l", "BEFORE", "y", "q")
                .send("LINSERT", "l", "AFTER", "nope", "q")
                .send("LINSERT", "l", "MIDDLE", "y", "q")
                .send("LINSERT", "none", "BEFORE", "a", "b")
                .send("LREM", "l", "0", "q")
                .send("LREM", "l", "abc", "q")
                .send("LLEN", "l")
                .send("LPOS", "l", "c")
                .send("LPOS", "l", "c", "RANK", "0")
                .send("LPOS", "l", "c", "RANK", "-1", "COUNT", "0")
                .send("LPOS", "l", "c", "MAXLEN", "-1")
                .send("LPOS", "l", "nope")
                .send("LPOS", "none", "a", "COUNT", "0")
                .send("LPOP", "l")
                .send("LPOP", "l", "0")
                .send("LPOP", "l", "2")
                .send("LPOP", "l", "-1")
                .send("RPOP", "l", "10")
                .send("RPOP", "l")
                .send("LPOP", "none", "2")
                .send("RPUSHX", "none", "a")
                .send("LPUSHX", "none", "a")
                .send("RPUSH", "l2", "1", "2", "3", "4", "5")
                .send("LTRIM", "l2", "1", "-2")
                .send("LRANGE", "l2", "0", "-1")
                .send("LMOVE", "l2", "{l2}dst", "LEFT", "RIGHT")
                .send("LMOVE", "l2", "l2", "LEFT", "RIGHT")
                .send("LRANGE", "l2", "0", "-1")
                .send("LMOVE", "l2", "l2", "UP", "DOWN")
                .send("OBJECT", "ENCODING", "l2")
                .send("BLPOP", "l2", "0.01")
                .send("BRPOP", "none", "0.01")
                .send("BLPOP", "none", "abc")
                .send("BLPOP", "none", "-1")
                .send("DEL", "l2", "{l2}dst")
                .build();
    }

    /** LINDEX and LSET look the key up (nil, no such key, WRONGTYPE) before they parse the index. */
    private static Script listIndexCheckOrder() {
        return Script.named("LINDEX and LSET check the key before the index")
                .send("LINDEX", "none", "abc")
                .send("LSET", "none", "abc", "x")
                .send("SET", "str", "v")
                .send("LINDEX", "str", "abc")
                .send("LSET", "str", "abc", "x")
                .build();
    }

    private static Script sets() {
        return Script.named("sets")
                .send("SADD", "s", "a", "b", "c")
                .send("SADD", "s", "a")
                .send("SCARD", "s")
                .send("SISMEMBER", "s", "a")
                .send("SMISMEMBER", "s", "a", "x", "b")
                .send("SREM", "s", "a", "x")
                .sendUnordered("SMEMBERS", "s")
                .send("OBJECT", "ENCODING", "s")
                .send("SADD", "ints", "10", "9", "100", "-1", "0", "-20")
                .send("SMEMBERS", "ints")
                .send("OBJECT", "ENCODING", "ints")
                .send("SPOP", "ints", "0")
                .send("SPOP", "ints", "-1")
                .send("SRANDMEMBER", "ints", "0")
                .send("SMOVE", "ints", "ints", "10")
                .send("SADD", "{k}a", "1", "2", "3")
                .send("SADD", "{k}b", "2", "3", "4")
                .send("SINTER", "{k}a", "{k}b")
                .send("SUNION", "{k}a", "{k}b")
                .send("SDIFF", "{k}a", "{k}b")
                .send("SINTERSTORE", "{k}c", "{k}a", "{k}b")
                .send("SMEMBERS", "{k}c")
                .send("SDIFFSTORE", "{k}c", "{k}x")
                .send("EXISTS", "{k}c")
                .send("SADD", "{k}d", "x", "y")
                .sendUnordered("SUNION", "{k}a", "{k}d")
                .send("SUNIONSTORE", "{k}e", "{k}a", "{k}d")
                .send("OBJECT", "ENCODING", "{k}e")
                .send("SMOVE", "{k}a", "{k}d", "1")
                .send("SMOVE", "{k}a", "{k}d", "nope")
                .send("SCARD", "none")
                .sendUnordered("SMEMBERS", "none")
                .build();
    }

    private static Script sortedSets() {
        return Script.named("sorted sets")
                .send("ZADD", "z", "1", "a", "2", "b", "3", "c")
                .send("ZADD", "z", "NX", "5", "a")
                .send("ZADD", "z", "XX", "5", "d")
                .send("ZADD", "z", "GT", "0", "a")
                .send("ZADD", "z", "LT", "0", "a")
                .send("ZADD", "z", "NX", "GT", "1", "a")
                .send("ZADD", "z", "INCR", "1", "a", "2", "b")
                .send("ZADD", "z", "INCR", "1", "a")
                .send("ZADD", "z", "abc", "a")
                .send("ZADD", "z", "nan", "a")
                .send("ZADD", "z", "1")
                .send("ZADD", "z", "CH", "10", "a", "20", "e")
                .send("ZSCORE", "z", "a")
                .send("ZSCORE", "z", "nope")
                .send("ZMSCORE", "z", "a", "nope")
                .send("ZRANGE", "z", "0", "-1")
                .send("ZRANGE", "z", "0", "-1", "WITHSCORES")
                .send("ZRANGE", "z", "0", "-1", "REV", "WITHSCORES")
                .send("ZRANGE", "z", "(1", "+inf", "BYSCORE")
                .send("ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "1", "2", "WITHSCORES")
                .send("ZRANGE", "z", "[a", "[c", "BYLEX")
                .send("ZRANGE", "z", "a", "c", "BYLEX")
                .send("ZRANGE", "z", "0", "-1", "LIMIT", "0", "1")
                .send("ZRANGE", "z", "0", "abc")
                .send("ZRANGEBYSCORE", "z", "1", "3")
                .send("ZRANGEBYSCORE", "z", "(1", "3", "WITHSCORES", "LIMIT", "0", "10")
                .send("ZREVRANGEBYSCORE", "z", "+inf", "-inf")
                .send("ZREVRANGE", "z", "0", "1", "WITHSCORES")
                .send("ZRANK", "z", "c")
                .send("ZREVRANK", "z", "c")
                .send("ZRANK", "z", "nope")
                .send("ZCOUNT", "z", "1", "3")
                .send("ZCOUNT", "z", "x", "3")
                .send("ZINCRBY", "z", "2.5", "b")
                .send("ZINCRBY", "z", "abc", "b")
                .send("ZCARD", "z")
                .send("ZREM", "z", "nope", "a")
                .send("ZPOPMIN", "z")
                .send("ZPOPMAX", "z", "2")
                .send("ZPOPMIN", "z", "-1")
                .send("ZREMRANGEBYSCORE", "z", "-inf", "2")
                .send("ZREMRANGEBYRANK", "z", "0", "0")
                .send("ZADD", "z", "1.5", "x", "1e10", "y", "0.1", "v", "inf", "i", "-inf", "ni")
                .send("ZRANGE", "z", "0", "-1", "WITHSCORES")
                .send("ZINCRBY", "z", "-inf", "i")
                .send("ZINCRBY", "z", "1", "ni")
                .send("OBJECT", "ENCODING", "z")
                .send("ZADD", "z", "1", "m".repeat(65))
                .send("OBJECT", "ENCODING", "z")
                .send("DEL", "z")
                .build();
    }

    /** Scores print as %.17g (RESP2 bulk, RESP3 double); INCRBYFLOAT and HINCRBYFLOAT print long doubles in full. */
    private static Script doubleFormatting() {
        return Script.named("doubles at the edges of formatting")
                .send("ZADD", "z", "1e308", "a", "0.1", "b", "1e-300", "c", "123456789012345678", "d", "1.5e-7", "e")
                .send("ZADD", "z", "100", "f", "-2.5", "g", "3.0000000000000004", "h", "1e22", "i", "1e21", "j")
                .send("ZADD", "z", "5e-324", "k")
                .send("ZRANGE", "z", "0", "-1", "WITHSCORES")
                .send("ZINCRBY", "z", "0.2", "b")
                .send("ZMSCORE", "z", "a", "b", "c", "d", "e", "k")
                .send("ZADD", "z", "INCR", "1", "f")
                .send("ZADD", "z", "XX", "INCR", "1", "nope")
                .send("ZPOPMIN", "z", "2")
                .send("INCRBYFLOAT", "n", "1e22")
                .send("INCRBYFLOAT", "m", "0.1")
                .send("INCRBYFLOAT", "m", "0.2")
                .send("INCRBYFLOAT", "big", "1.7976931348623157e308")
                .send("HINCRBYFLOAT", "h", "f", "1e21")
                .send("HINCRBYFLOAT", "h", "g", "5e-324")
                .build();
    }

    /** Scores and score bounds are parsed by strtod, which reads hexadecimal floats. */
    private static Script hexadecimalScoreBounds() {
        return Script.named("hexadecimal floats as scores and score bounds")
                .send("ZADD", "z", "0x10", "a", "0x1p3", "b", "1", "c")
                .send("ZRANGE", "z", "0", "-1", "WITHSCORES")
                .send("ZINCRBY", "z", "0x1", "a")
                .send("ZCOUNT", "z", "0x1", "0x10")
                .send("ZCOUNT", "z", "(0x1", "0x10")
                .send("ZRANGEBYSCORE", "z", "0x0", "0x10")
                .send("ZREVRANGEBYSCORE", "z", "0x10", "0x0")
                .send("ZRANGE", "z", "0", "0x10", "BYSCORE")
                .send("ZREMRANGEBYSCORE", "z", "0x0", "0x8")
                .build();
    }

    private static Script negativeZeroScore() {
        return Script.named("a score of -0.0 reads back as 0")
                .send("ZADD", "z", "-0.0", "a")
                .send("ZSCORE", "z", "a")
                .send("ZRANGE", "z", "0", "-1", "WITHSCORES")
                .send("ZADD", "z2", "0", "a")
                .send("ZINCRBY", "z2", "-0.0", "a")
                .send("ZINCRBY", "z", "-0.0", "a")
                .build();
    }
}
