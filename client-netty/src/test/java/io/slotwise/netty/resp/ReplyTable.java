package io.slotwise.netty.resp;

import io.slotwise.resp.RespValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every reply type, RESP2 and RESP3, as wire bytes next to the value they must decode to. The wire text is written
 * one char per byte (ISO-8859-1), so {@code \u00ff} is the byte 0xff.
 */
final class ReplyTable {

    /** One row: a name for the test report, the bytes a server sends, the value expected. */
    record ReplyCase(String name, byte[] wire, RespValue expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ReplyTable() {}

    static List<ReplyCase> all() {
        List<ReplyCase> cases = new ArrayList<>();
        // RESP2
        add(cases, "simple string", "+OK\r\n", simple("OK"));
        add(cases, "empty simple string", "+\r\n", simple(""));
        add(cases, "utf-8 simple string", "+caf\u00c3\u00a9\r\n", simple("café"));
        add(cases, "error", "-ERR unknown command 'FOO'\r\n", error("ERR unknown command 'FOO'"));
        add(cases, "moved error", "-MOVED 3999 127.0.0.1:6381\r\n", error("MOVED 3999 127.0.0.1:6381"));
        add(cases, "zero", ":0\r\n", integer(0));
        add(cases, "negative integer", ":-42\r\n", integer(-42));
        add(cases, "integer with plus sign", ":+7\r\n", integer(7));
        add(cases, "largest integer", ":9223372036854775807\r\n", integer(Long.MAX_VALUE));
        add(cases, "smallest integer", ":-9223372036854775808\r\n", integer(Long.MIN_VALUE));
        add(cases, "bulk", "$5\r\nhello\r\n", bulk("hello"));
        add(cases, "empty bulk", "$0\r\n\r\n", bulk(""));
        add(cases, "bulk with CRLF inside", "$8\r\nab\r\ncd\r\n\r\n", bulk("ab\r\ncd\r\n"));
        add(cases, "binary bulk", "$4\r\n\u0000\u00ff\r\u0080\r\n", bulk("\u0000\u00ff\r\u0080"));
        add(cases, "null bulk", "$-1\r\n", nil());
        add(cases, "null array", "*-1\r\n", nil());
        add(cases, "empty array", "*0\r\n", array());
        add(cases, "array", "*3\r\n:1\r\n$3\r\nfoo\r\n+bar\r\n", array(integer(1), bulk("foo"), simple("bar")));
        add(cases, "array of nulls", "*3\r\n$-1\r\n*-1\r\n_\r\n", array(nil(), nil(), nil()));
        add(
                cases,
                "nested arrays",
                "*3\r\n*2\r\n:1\r\n:2\r\n*1\r\n*0\r\n*0\r\n",
                array(array(integer(1), integer(2)), array(array()), array()));
        add(
                cases,
                "cluster slots shape",
                "*1\r\n*3\r\n:0\r\n:5460\r\n*3\r\n$9\r\n127.0.0.1\r\n:7000\r\n$4\r\nid-1\r\n",
                array(array(integer(0), integer(5460), array(bulk("127.0.0.1"), integer(7000), bulk("id-1")))));
        add(cases, "error inside array", "*2\r\n+OK\r\n-ERR no\r\n", array(simple("OK"), error("ERR no")));
        // RESP3
        add(cases, "null", "_\r\n", nil());
        add(cases, "double", ",3.14\r\n", dbl(3.14));
        add(cases, "integral double", ",10\r\n", dbl(10));
        add(cases, "negative double", ",-0.5\r\n", dbl(-0.5));
        add(cases, "double with exponent", ",1.5e10\r\n", dbl(1.5e10));
        add(cases, "double with signed upper-case exponent", ",-2.5E-3\r\n", dbl(-2.5e-3));
        add(cases, "double inf", ",inf\r\n", dbl(Double.POSITIVE_INFINITY));
        add(cases, "double -inf", ",-inf\r\n", dbl(Double.NEGATIVE_INFINITY));
        add(cases, "double nan", ",nan\r\n", dbl(Double.NaN));
        add(cases, "true", "#t\r\n", bool(true));
        add(cases, "false", "#f\r\n", bool(false));
        add(
                cases,
                "big number",
                "(3492890328409238509324850943850943825024385\r\n",
                big("3492890328409238509324850943850943825024385"));
        add(
                cases,
                "negative big number",
                "(-3492890328409238509324850943850943825024385\r\n",
                big("-3492890328409238509324850943850943825024385"));
        add(cases, "verbatim", "=15\r\ntxt:Some string\r\n", new RespValue.Verbatim("txt", "Some string"));
        add(cases, "empty verbatim", "=4\r\nmkd:\r\n", new RespValue.Verbatim("mkd", ""));
        add(cases, "verbatim with CRLF", "=10\r\ntxt:a\r\nb\r\n\r\n", new RespValue.Verbatim("txt", "a\r\nb\r\n"));
        add(cases, "blob error", "!21\r\nSYNTAX invalid syntax\r\n", error("SYNTAX invalid syntax"));
        add(
                cases,
                "map",
                "%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n",
                map(simple("first"), integer(1), simple("second"), integer(2)));
        add(cases, "empty map", "%0\r\n", map());
        add(
                cases,
                "map with aggregate keys",
                "%2\r\n*2\r\n:1\r\n:2\r\n~1\r\n+x\r\n%1\r\n+k\r\n+v\r\n_\r\n",
                map(array(integer(1), integer(2)), set(simple("x")), map(simple("k"), simple("v")), nil()));
        add(cases, "set", "~3\r\n+a\r\n:1\r\n#t\r\n", set(simple("a"), integer(1), bool(true)));
        add(cases, "empty set", "~0\r\n", set());
        add(
                cases,
                "push",
                ">3\r\n$7\r\nmessage\r\n$7\r\nchannel\r\n$5\r\nhello\r\n",
                new RespValue.Push("message", List.of(bulk("channel"), bulk("hello"))));
        add(
                cases,
                "push with simple string kind",
                ">2\r\n+invalidate\r\n*1\r\n$3\r\nkey\r\n",
                new RespValue.Push("invalidate", List.of(array(bulk("key")))));
        add(cases, "push with kind only", ">1\r\n$4\r\npong\r\n", new RespValue.Push("pong", List.of()));
        add(
                cases,
                "attribute before reply",
                "|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n*2\r\n:2039123\r\n:9543892\r\n",
                attributed(
                        map(simple("key-popularity"), map(bulk("a"), dbl(0.1923), bulk("b"), dbl(0.0012))),
                        array(integer(2039123), integer(9543892))));
        add(
                cases,
                "attribute before array element",
                "*2\r\n|1\r\n+ttl\r\n:100\r\n$3\r\nfoo\r\n:7\r\n",
                array(attributed(map(simple("ttl"), integer(100)), bulk("foo")), integer(7)));
        add(
                cases,
                "two attributes in a row",
                "|1\r\n+a\r\n:1\r\n|1\r\n+b\r\n:2\r\n+OK\r\n",
                attributed(map(simple("a"), integer(1)), attributed(map(simple("b"), integer(2)), simple("OK"))));
        add(cases, "empty attribute", "|0\r\n+OK\r\n", attributed(map(), simple("OK")));
        add(
                cases,
                "attribute with aggregate inside attribute",
                "|1\r\n*1\r\n|1\r\n+x\r\n+y\r\n+k\r\n:1\r\n:5\r\n",
                attributed(map(array(attributed(map(simple("x"), simple("y")), simple("k"))), integer(1)), integer(5)));
        add(cases, "deep nesting", "*1\r\n".repeat(100) + ":1\r\n", nested(100, integer(1)));
        add(cases, "bulk larger than the first payload allocation", bulkWire(20_000), bulk(payload(20_000)));
        return cases;
    }

    private static void add(List<ReplyCase> cases, String name, String wire, RespValue expected) {
        cases.add(new ReplyCase(name, wire.getBytes(StandardCharsets.ISO_8859_1), expected));
    }

    static RespValue simple(String text) {
        return new RespValue.SimpleString(text);
    }

    static RespValue error(String message) {
        return new RespValue.Error(message);
    }

    static RespValue integer(long value) {
        return new RespValue.Int(value);
    }

    /** A bulk string whose bytes are the chars of {@code latin1}, one byte each. */
    static RespValue bulk(String latin1) {
        return new RespValue.Bulk(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    static RespValue nil() {
        return RespValue.Null.INSTANCE;
    }

    static RespValue array(RespValue... elements) {
        return new RespValue.Array(Arrays.asList(elements));
    }

    static RespValue set(RespValue... elements) {
        return new RespValue.Set(Arrays.asList(elements));
    }

    static RespValue.Map map(RespValue... keysAndValues) {
        List<RespValue.Map.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(new RespValue.Map.Entry(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new RespValue.Map(entries);
    }

    static RespValue dbl(double value) {
        return new RespValue.Double(value);
    }

    static RespValue bool(boolean value) {
        return new RespValue.Boolean(value);
    }

    static RespValue big(String digits) {
        return new RespValue.BigNumber(new BigInteger(digits));
    }

    static RespValue attributed(RespValue.Map attributes, RespValue value) {
        return new RespValue.Attributed(attributes, value);
    }

    private static RespValue nested(int depth, RespValue innermost) {
        RespValue value = innermost;
        for (int i = 0; i < depth; i++) {
            value = array(value);
        }
        return value;
    }

    /** Deterministic filler text of a given length, with CR and LF sprinkled in. */
    private static String payload(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(i % 97 == 0 ? '\r' : i % 89 == 0 ? '\n' : (char) ('a' + i % 26));
        }
        return text.toString();
    }

    private static String bulkWire(int length) {
        return "$" + length + "\r\n" + payload(length) + "\r\n";
    }
}
