package io.slotwise.api;

import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.ScanArgs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks of option values that only some commands accept, done before a command is built. */
final class ArgumentChecks {

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

    /** Text arguments, UTF-8 encoded, at least one. */
    static List<byte[]> texts(String command, List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one argument");
        }
        return texts.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
