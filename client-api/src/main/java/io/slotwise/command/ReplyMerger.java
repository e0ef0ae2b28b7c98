package io.slotwise.command;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SplitPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Combines the replies of a split command's parts, or of a fanned-out command's nodes, into one reply, which the
 * command's {@link ReplyDecoder} then decodes once.
 *
 * <p>Errors never reach a merger: when any part or node answers with an error, the dispatcher fails the whole command
 * with that error (after its usual redirect and retry handling for that part) and discards the other replies. Parts of
 * a split command that already succeeded are not undone: a split {@code MSET} or {@code DEL} is not atomic across
 * slots, exactly as in Redis Cluster itself. A part whose reply has the wrong type makes the merge throw
 * {@link UnexpectedReplyException}.
 */
public enum ReplyMerger {
    /**
     * Reassembles array replies in the caller's key order, using the split plan (split {@code MGET}: {@code a b a} gets
     * three values even when {@code b} lives elsewhere). Only for split commands.
     */
    IN_CALLER_ORDER,
    /** Adds integer replies ({@code DEL}, {@code EXISTS}, {@code DBSIZE}). */
    SUM,
    /** Answers {@code OK} when every reply is {@code OK} ({@code MSET}, {@code FLUSHALL}, {@code SCRIPT FLUSH}). */
    ALL_OK,
    /** Concatenates array replies, in part order ({@code KEYS}). */
    UNION,
    /**
     * Answers the first reply after checking that every reply is equal ({@code SCRIPT LOAD}: each node returns the same
     * SHA1). Replies that differ make the merge throw {@link UnexpectedReplyException}.
     */
    FIRST,
    /**
     * Combines equally long arrays of 0/1 integers element by element: an element is 1 only if it is 1 in every reply
     * ({@code SCRIPT EXISTS}: a script exists only if every primary has it).
     */
    AND_ELEMENTWISE,
    /**
     * Concatenates array replies, in part order, keeping only the first occurrence of each element ({@code PUBSUB
     * CHANNELS}: a channel with subscribers on several nodes is listed once).
     */
    UNION_DISTINCT,
    /**
     * Combines flat arrays (or maps) of name-count pairs by adding the counts of equal names from different replies,
     * names in first-seen order ({@code PUBSUB NUMSUB}: each node counts only its own subscribers). A name repeated
     * within one reply (a channel asked twice) counts once for that reply.
     */
    SUM_PER_NAME;

    /**
     * Merges the replies of a fanned-out command.
     *
     * @param parts one reply per node, none an error; at least one
     * @return the merged reply
     * @throws UnexpectedReplyException if a reply has the wrong type for this merger
     * @throws IllegalStateException for {@link #IN_CALLER_ORDER}, which needs a split plan
     */
    public RespValue merge(List<RespValue> parts) {
        if (this == IN_CALLER_ORDER) {
            throw new IllegalStateException("IN_CALLER_ORDER needs the split plan: use merge(parts, plan)");
        }
        return merge(parts, null);
    }

    /**
     * Merges the replies of a split command's parts.
     *
     * @param parts one reply per group of the plan, in {@link SplitPlan#groups()} order, none an error
     * @param plan the plan the parts were sent by; only {@link #IN_CALLER_ORDER} reads it
     * @return the merged reply
     * @throws UnexpectedReplyException if a reply has the wrong type or size for this merger
     */
    public RespValue merge(List<RespValue> parts, SplitPlan plan) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: no replies");
        }
        List<RespValue> plain = new ArrayList<>(parts.size());
        for (RespValue part : parts) {
            RespValue value = part.withoutAttributes();
            if (value.isError()) {
                throw new IllegalArgumentException("Error replies are handled by the dispatcher before merging");
            }
            plain.add(value);
        }
        return switch (this) {
            case IN_CALLER_ORDER -> inCallerOrder(plain, Objects.requireNonNull(plan, "plan"));
            case SUM -> sum(plain);
            case ALL_OK -> allOk(plain);
            case UNION -> union(plain);
            case FIRST -> first(plain);
            case AND_ELEMENTWISE -> andElementwise(plain);
            case UNION_DISTINCT -> unionDistinct(plain);
            case SUM_PER_NAME -> sumPerName(plain);
        };
    }

    private static RespValue inCallerOrder(List<RespValue> parts, SplitPlan plan) {
        if (parts.size() != plan.groups().size()) {
            throw new IllegalArgumentException(
                    "expected " + plan.groups().size() + " parts for the plan, got " + parts.size());
        }
        List<List<RespValue>> elements = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            List<RespValue> part = elements(parts.get(i));
            if (part.size() != plan.groups().get(i).positions().length) {
                throw new UnexpectedReplyException("an array with one element per key of its slot", parts.get(i));
            }
            elements.add(part);
        }
        return new RespValue.Array(plan.reassemble(elements));
    }

    private static RespValue sum(List<RespValue> parts) {
        long total = 0;
        for (RespValue part : parts) {
            if (!(part instanceof RespValue.Int integer)) {
                throw new UnexpectedReplyException("an integer from every part", part);
            }
            total = Math.addExact(total, integer.value());
        }
        return new RespValue.Int(total);
    }

    private static RespValue allOk(List<RespValue> parts) {
        for (RespValue part : parts) {
            if (!RespValue.SimpleString.OK.equals(part)) {
                throw new UnexpectedReplyException("OK from every part", part);
            }
        }
        return RespValue.SimpleString.OK;
    }

    private static RespValue union(List<RespValue> parts) {
        List<RespValue> all = new ArrayList<>();
        for (RespValue part : parts) {
            all.addAll(elements(part));
        }
        return new RespValue.Array(all);
    }

    private static RespValue first(List<RespValue> parts) {
        RespValue first = parts.get(0);
        for (RespValue part : parts) {
            if (!first.equals(part)) {
                throw new UnexpectedReplyException("the same reply from every node", part);
            }
        }
        return first;
    }

    private static RespValue andElementwise(List<RespValue> parts) {
        int size = elements(parts.get(0)).size();
        boolean[] all = new boolean[size];
        Arrays.fill(all, true);
        for (RespValue part : parts) {
            List<RespValue> flags = elements(part);
            if (flags.size() != size) {
                throw new UnexpectedReplyException("an array of " + size + " elements from every node", part);
            }
            for (int i = 0; i < size; i++) {
                all[i] &= flag(flags.get(i));
            }
        }
        List<RespValue> merged = new ArrayList<>(size);
        for (boolean flag : all) {
            merged.add(new RespValue.Int(flag ? 1 : 0));
        }
        return new RespValue.Array(merged);
    }

    private static RespValue unionDistinct(List<RespValue> parts) {
        LinkedHashSet<RespValue> distinct = new LinkedHashSet<>();
        for (RespValue part : parts) {
            for (RespValue element : elements(part)) {
                distinct.add(element.withoutAttributes());
            }
        }
        return new RespValue.Array(List.copyOf(distinct));
    }

    private static RespValue sumPerName(List<RespValue> parts) {
        java.util.Map<RespValue, Long> totals = new LinkedHashMap<>();
        for (RespValue part : parts) {
            List<RespValue> flat = new ArrayList<>();
            if (part instanceof RespValue.Map map) {
                for (RespValue.Map.Entry entry : map.entries()) {
                    flat.add(entry.key());
                    flat.add(entry.value());
                }
            } else {
                flat.addAll(elements(part));
            }
            if (flat.size() % 2 != 0) {
                throw new UnexpectedReplyException("name-count pairs from every node", part);
            }
            // A name asked twice is answered twice by each node, with the same count: it counts once per node.
            java.util.Map<RespValue, Long> ofThisNode = new LinkedHashMap<>();
            for (int i = 0; i < flat.size(); i += 2) {
                if (!(flat.get(i + 1).withoutAttributes() instanceof RespValue.Int count)) {
                    throw new UnexpectedReplyException("an integer count after each name", part);
                }
                ofThisNode.putIfAbsent(flat.get(i).withoutAttributes(), count.value());
            }
            ofThisNode.forEach((name, count) -> totals.merge(name, count, Math::addExact));
        }
        List<RespValue> merged = new ArrayList<>(totals.size() * 2);
        totals.forEach((name, total) -> {
            merged.add(name);
            merged.add(new RespValue.Int(total));
        });
        return new RespValue.Array(merged);
    }

    private static boolean flag(RespValue element) {
        RespValue plain = element.withoutAttributes();
        if (plain instanceof RespValue.Int integer && (integer.value() == 0 || integer.value() == 1)) {
            return integer.value() == 1;
        }
        if (plain instanceof RespValue.Boolean bool) {
            return bool.value();
        }
        throw new UnexpectedReplyException("0 or 1", plain);
    }

    private static List<RespValue> elements(RespValue part) {
        if (part instanceof RespValue.Array array) {
            return array.elements();
        }
        if (part instanceof RespValue.Set set) {
            return set.elements();
        }
        if (part instanceof RespValue.Null) {
            return List.of();
        }
        throw new UnexpectedReplyException("an array", part);
    }
}
