package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * SORT and SORT_RO {@code key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE dest]}, as
 * Redis 7.0 answers them. Options are checked first ({@link SortOptions}), then the key: a list, set or sorted set (a
 * missing key is an empty list; other types WRONGTYPE). Elements sort numerically by their value or by what the BY
 * pattern resolves to ({@link SortPatterns}; missing counts as 0), ties broken by comparing the elements' bytes; with
 * ALPHA by bytes, a missing BY value first. A BY pattern without {@code *} keeps the native order (a list's order, a
 * sorted set's score order, both reversed by DESC; a set's iteration order, but a set being STOREd is sorted ALPHA to
 * be deterministic). LIMIT selects a window of the result. A value that does not parse as a float (NaN included)
 * answers {@code ERR One or more scores can't be converted into double}. The reply lists the elements, or for each
 * one the values its GET patterns resolve to (null bulk if none); STORE saves that list instead (missing values as
 * empty strings), replacing the destination and its TTL, deleting it for an empty result, and answers its length.
 * Stateless.
 */
final class SortCommand {
    private SortCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("sort", ctx -> sort(ctx, false));
        registrar.register("sort_ro", ctx -> sort(ctx, true));
    }

    private static Reply sort(CommandContext ctx, boolean readOnly) {
        SortOptions options = SortOptions.parse(ctx, readOnly);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Value value = keyspace.get(CollectionArguments.key(ctx, 1));
        if (value != null
                && !(value instanceof ListValue || value instanceof SetValue || value instanceof SortedSetValue)) {
            throw new CommandException("WRONGTYPE Operation against a key holding the wrong kind of value");
        }
        boolean dontSort = options.dontSort();
        boolean alpha = options.alpha();
        byte[] byPattern = options.byPattern();
        if (dontSort && value instanceof SetValue && options.destination() != null) {
            dontSort = false;
            alpha = true;
            byPattern = null;
        }
        List<Bytes> elements = nativeOrder(value, dontSort && options.descending());
        int length = elements.size();
        long start = Math.min(Math.max(options.limitStart(), 0), length);
        long count = Math.min(Math.max(options.limitCount(), -1), length);
        long end = count < 0 ? length : Math.min(start + count, length);
        List<Bytes> window;
        if (dontSort) {
            window = elements.subList((int) start, (int) end);
        } else {
            Sorted sorted = sorted(keyspace, elements, byPattern, alpha, options.descending());
            if (sorted.conversionError) {
                throw new CommandException("ERR One or more scores can't be converted into double");
            }
            window = sorted.elements.subList((int) start, (int) end);
        }
        List<Bytes> output = new ArrayList<>();
        for (Bytes element : window) {
            if (options.getPatterns().isEmpty()) {
                output.add(element);
            }
            for (byte[] pattern : options.getPatterns()) {
                output.add(SortPatterns.resolve(keyspace, pattern, element));
            }
        }
        if (options.destination() == null) {
            List<Reply> replies = new ArrayList<>(output.size());
            output.forEach(item -> replies.add(CollectionReplies.bulkOrNull(item)));
            return new Reply.Array(replies);
        }
        ListValue stored = new ListValue();
        output.forEach(item -> stored.pushLast(item == null ? Bytes.EMPTY : item));
        keyspace.set(options.destination(), stored);
        return Reply.integer(output.size());
    }

    /** The elements in the value's own order: list order, a set's iteration order, a sorted set's score order. */
    private static List<Bytes> nativeOrder(Value value, boolean reversed) {
        List<Bytes> elements = new ArrayList<>();
        if (value instanceof ListValue list) {
            elements.addAll(list.elements());
        } else if (value instanceof SetValue set) {
            return CompactEncoding.iterationOrder(set); // a set is never reversed
        } else if (value instanceof SortedSetValue zset) {
            for (ZEntry entry : zset.entries()) {
                elements.add(entry.member());
            }
        }
        if (reversed) {
            Collections.reverse(elements);
        }
        return elements;
    }

    private record Sorted(List<Bytes> elements, boolean conversionError) {}

    private record Keyed(Bytes element, double score, Bytes compareBy) {}

    private static Sorted sorted(
            Keyspace keyspace, List<Bytes> elements, byte[] byPattern, boolean alpha, boolean descending) {
        boolean conversionError = false;
        List<Keyed> keyed = new ArrayList<>(elements.size());
        for (Bytes element : elements) {
            Bytes by = byPattern == null ? element : SortPatterns.resolve(keyspace, byPattern, element);
            double score = 0;
            if (by != null && !alpha) {
                OptionalDouble parsed = parseScore(by.toByteArray());
                if (parsed.isEmpty()) {
                    conversionError = true;
                } else {
                    score = parsed.getAsDouble();
                }
            }
            keyed.add(new Keyed(element, score, alpha ? by : null));
        }
        Comparator<Keyed> order;
        if (!alpha) {
            order = Comparator.comparingDouble(Keyed::score).thenComparing(Keyed::element);
        } else if (byPattern != null) {
            order = Comparator.comparing(Keyed::compareBy, Comparator.nullsFirst(Comparator.naturalOrder()));
        } else {
            order = Comparator.comparing(Keyed::element);
        }
        keyed.sort(descending ? order.reversed() : order);
        List<Bytes> result = new ArrayList<>(keyed.size());
        keyed.forEach(item -> result.add(item.element()));
        return new Sorted(result, conversionError);
    }

    /**
     * Parses a sort weight as Redis's use of {@code strtod} does: leading blanks allowed, nothing after the number, no
     * NaN, no overflow; the empty string is 0.
     */
    private static OptionalDouble parseScore(byte[] text) {
        if (text.length == 0) {
            return OptionalDouble.of(0);
        }
        int start = 0;
        while (start < text.length && (text[start] == ' ' || (text[start] >= '\t' && text[start] <= '\r'))) {
            start++;
        }
        if (start == text.length) {
            return OptionalDouble.empty();
        }
        byte[] number = start == 0 ? text : Arrays.copyOfRange(text, start, text.length);
        return FloatSyntax.parseDouble(number);
    }
}
