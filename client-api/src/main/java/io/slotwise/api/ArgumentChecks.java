package io.slotwise.api;

import io.slotwise.api.args.BitFieldArgs;
import io.slotwise.api.args.BitOperation;
import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.api.args.ZRangeQuery;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Checks of option values that only some commands accept, done before a command is built. */
final class ArgumentChecks {

    private static final long MAX_BIT_OFFSET = 1L << 32;
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

    /** A bit offset of SETBIT or GETBIT: from 0 to 2^32 - 1, as a string holds at most 512 MB. */
    static long bitOffset(String command, long offset) {
        if (offset < 0 || offset >= MAX_BIT_OFFSET) {
            throw new IllegalArgumentException(
                    command + ": a bit offset must be from 0 to 4294967295 (2^32 - 1), was " + offset);
        }
        return offset;
    }

    /** The sources of BITOP: at least one, exactly one for NOT. */
    static <K> List<K> bitopSources(BitOperation operation, List<K> sources) {
        Objects.requireNonNull(operation, "BITOP: the operation must not be null");
        Objects.requireNonNull(sources, "BITOP: the sources must not be null");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("BITOP " + operation + " needs at least one source key");
        }
        if (operation == BitOperation.NOT && sources.size() != 1) {
            throw new IllegalArgumentException("BITOP NOT takes exactly one source key, got " + sources.size());
        }
        return sources;
    }

    /** The arguments of BITFIELD_RO, which accepts only GET operations. */
    static List<byte[]> readOnlyBitField(BitFieldArgs operations) {
        if (!operations.isReadOnly()) {
            throw new IllegalArgumentException(
                    "BITFIELD_RO accepts only GET operations; use BITFIELD for SET, INCRBY and OVERFLOW");
        }
        return operations.arguments();
    }

    /** A list the command's syntax needs at least one element of. */
    static <T> List<T> atLeastOne(String command, String what, List<T> items) {
        Objects.requireNonNull(items, () -> command + ": the " + what + "s must not be null");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one " + what);
        }
        return items;
    }
}
