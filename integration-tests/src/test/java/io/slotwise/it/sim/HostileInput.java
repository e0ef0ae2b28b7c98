package io.slotwise.it.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One malformed or abusive request stream and what Redis 7.0 answers to it on a fresh connection: the exact bytes it
 * sends back and whether it then closes the connection.
 *
 * @param name what the input is, for test names
 * @param bytes what the client sends, in one write
 * @param expectedReply everything the node answers, as ISO-8859-1 text (one char per byte)
 * @param closes whether the node closes the connection after answering
 * @param knownMismatch the simulator bug this input is known to hit, or {@code null}
 */
record HostileInput(String name, byte[] bytes, String expectedReply, boolean closes, SimulatorMismatch knownMismatch) {

    private static final String INVALID_BULK_LENGTH = "-ERR Protocol error: invalid bulk length\r\n";
    private static final String INVALID_MULTIBULK_LENGTH = "-ERR Protocol error: invalid multibulk length\r\n";
    private static final String UNBALANCED_QUOTES = "-ERR Protocol error: unbalanced quotes in request\r\n";
    /** Redis's PROTO_INLINE_MAX_SIZE: the longest line it waits for. */
    private static final int INLINE_LIMIT = 64 * 1024;

    /** The table: every protocol error of Redis 7.0's request parser, plus inputs around them. */
    static List<HostileInput> all() {
        return List.of(
                closing("bulk of 2 GB", "*1\r\n$2147483648\r\n", INVALID_BULK_LENGTH),
                closing("bulk one byte above proto-max-bulk-len", "*1\r\n$536870913\r\n", INVALID_BULK_LENGTH),
                closing("negative bulk length", "*1\r\n$-1\r\n", INVALID_BULK_LENGTH),
                closing("bulk length with a plus sign", "*1\r\n$+4\r\nPING\r\n", INVALID_BULK_LENGTH),
                closing("bulk length not a number", "*1\r\n$4x\r\nPING\r\n", INVALID_BULK_LENGTH),
                closing("multibulk count above INT_MAX", "*2147483648\r\n", INVALID_MULTIBULK_LENGTH),
                closing("multibulk count far above INT_MAX", "*99999999999999999999\r\n", INVALID_MULTIBULK_LENGTH),
                closing("multibulk count with a leading zero", "*01\r\n$4\r\nPING\r\n", INVALID_MULTIBULK_LENGTH),
                closing("multibulk count with a space", "* 1\r\n$4\r\nPING\r\n", INVALID_MULTIBULK_LENGTH),
                closing("nested arrays", "*1\r\n".repeat(1000), "-ERR Protocol error: expected '$', got '*'\r\n"),
                closing(
                        "integer inside a request",
                        "*2\r\n$4\r\nECHO\r\n:1\r\n",
                        "-ERR Protocol error: expected '$', got ':'\r\n"),
                closing(
                        "inline request over 64 KB without a newline",
                        "a".repeat(INLINE_LIMIT + 4096),
                        "-ERR Protocol error: too big inline request\r\n"),
                closing(
                        "multibulk count line over 64 KB",
                        "*" + "1".repeat(INLINE_LIMIT + 4096),
                        "-ERR Protocol error: too big mbulk count string\r\n"),
                closing(
                        "bulk length line over 64 KB",
                        "*1\r\n$" + "1".repeat(INLINE_LIMIT + 4096),
                        "-ERR Protocol error: too big bulk count string\r\n"),
                closing("unclosed double quote", "SET \"a b\r\n", UNBALANCED_QUOTES),
                closing("unclosed single quote", "SET 'a\r\n", UNBALANCED_QUOTES),
                closing("closing quote followed by a letter", "SET \"a\"b c\r\n", UNBALANCED_QUOTES),
                closing(
                        "requests before the error are answered",
                        "PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n$x\r\n",
                        "+PONG\r\n+PONG\r\n" + INVALID_BULK_LENGTH),
                closing(
                        "requests after the error are dropped",
                        "*1\r\n$x\r\nPING\r\n*1\r\n$4\r\nPING\r\n",
                        INVALID_BULK_LENGTH),
                closing("HTTP POST request", "POST / HTTP/1.1\r\nHost: example\r\nContent-Length: 0\r\n\r\n", ""),
                open("non-positive counts and empty lines are ignored", "*0\r\n*-5\r\n\r\n  \r\nPING\r\n", "+PONG\r\n"),
                open("bare LF ends an inline request", "PING\nECHO x\n", "+PONG\r\n$1\r\nx\r\n"),
                open(
                        "inline escapes",
                        "ECHO \"\\x41\\n\\x4\\\"q\"\r\nECHO '\\x41\\''\r\n",
                        "$6\r\nA\nx4\"q\r\n$5\r\n\\x41'\r\n"),
                open(
                        "unknown command with control bytes",
                        "\u0001\u0002 a\r\n",
                        "-ERR unknown command '\u0001\u0002', with args beginning with: 'a' \r\n"),
                open(
                        "unknown command with non-ASCII bytes",
                        "\u00ff\u00fe hello \u00e9\r\n",
                        "-ERR unknown command '\u00ff\u00fe', with args beginning with: 'hello' '\u00e9' \r\n"),
                open("an incomplete bulk waits for the rest", "*2\r\n$4\r\nECHO\r\n$10\r\nabc", ""));
    }

    private static HostileInput closing(String name, String bytes, String reply) {
        return new HostileInput(name, latin1(bytes), reply, true, null);
    }

    private static HostileInput open(String name, String bytes, String reply) {
        return new HostileInput(name, latin1(bytes), reply, false, null);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name;
    }
}
