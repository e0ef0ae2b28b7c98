package io.slotwise.api;

import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.api.args.ZRangeQuery;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Checks of option values that only some commands accept, done before a command is built. */
final class ArgumentChecks {

    private static final byte[] BYLEX = "BYLEX".getBytes(StandardCharsets.US_ASCII);

    private ArgumentChecks() {}

    /** The arguments of a scan over the elements of one key, which accepts no TYPE filter. */
    static List<byte[]> elementScan(String command, ScanArgs args) {
        if (args.hasType()) {
            throw new IllegalArgumentException(command + " does not accept TYPE; only SCAN filters by key type");
        }
        return args.arguments();
    }

    /** The arguments of GETEX's expiry, which cannot be KEEPTTL. */
    static List<byte[]> getExExpiry(Expiry expiry) {
        if (expiry.token().equals("KEEPTTL")) {
            throw new IllegalArgumentException("GETEX does not accept KEEPTTL; use GET to leave the expiry unchanged");
        }
        return expiry.arguments();
    }

    /** The arguments of a ZRANGE query that is sent with WITHSCORES, which Redis refuses for BYLEX. */
    static List<byte[]> zrangeWithScores(ZRangeQuery query) {
        List<byte[]> arguments = query.arguments();
        if (arguments.size() > 2 && Arrays.equals(arguments.get(2), BYLEX)) {
            throw new IllegalArgumentException(
                    "ZRANGE ... BYLEX does not accept WITHSCORES; use zrange for a lex range (its members share a score)");
        }
        return arguments;
    }

    /** Text arguments, UTF-8 encoded, at least one. */
    static List<byte[]> texts(String command, List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one argument");
        }
        return texts.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
