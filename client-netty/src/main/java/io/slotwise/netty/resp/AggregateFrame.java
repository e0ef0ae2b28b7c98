package io.slotwise.netty.resp;

import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One aggregate (array, map, set, push or attribute map) whose header has been read and whose elements are still
 * arriving. {@link RespDecoder} keeps a stack of these, so input split anywhere resumes without re-parsing.
 */
final class AggregateFrame {

    /** Never pre-size beyond this: the announced count is untrusted until the elements arrive. */
    private static final int MAX_INITIAL_CAPACITY = 16;

    private final RespType type;
    private final List<RespValue> items;
    private long remaining;
    private final PendingAttributes attributes = new PendingAttributes();

    /**
     * @param type an aggregate type
     * @param count the announced element count, or entry count for maps and attribute maps; {@code > 0}
     */
    AggregateFrame(RespType type, long count) {
        this.type = type;
        this.remaining = type.isKeyed() ? 2 * count : count;
        this.items = new ArrayList<>((int) Math.min(remaining, MAX_INITIAL_CAPACITY));
    }

    RespType type() {
        return type;
    }

    /** The attribute maps received at this level and waiting for the element they annotate. */
    PendingAttributes attributes() {
        return attributes;
    }

    /**
     * Adds the next element.
     *
     * @return {@code true} if the aggregate is now complete
     */
    boolean add(RespValue element) {
        items.add(element);
        return --remaining == 0;
    }

    /** Builds the finished aggregate (for an attribute frame, the attribute map). */
    RespValue build() {
        return assemble(type, items);
    }

    /** Builds an empty aggregate of a type whose header announced zero elements. */
    static RespValue empty(RespType type) {
        return assemble(type, List.of());
    }

    private static RespValue assemble(RespType type, List<RespValue> items) {
        return switch (type) {
            case ARRAY -> new RespValue.Array(items);
            case SET -> new RespValue.Set(items);
            case MAP, ATTRIBUTE -> buildMap(items);
            case PUSH -> buildPush(items);
            default -> throw new IllegalStateException("Not an aggregate: " + type);
        };
    }

    private static RespValue.Map buildMap(List<RespValue> keysAndValues) {
        List<RespValue.Map.Entry> entries = new ArrayList<>(keysAndValues.size() / 2);
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            entries.add(new RespValue.Map.Entry(keysAndValues.get(i), keysAndValues.get(i + 1)));
        }
        return new RespValue.Map(entries);
    }

    private static RespValue.Push buildPush(List<RespValue> elements) {
        if (elements.isEmpty()) {
            throw new RespProtocolException("Push message has no kind");
        }
        RespValue kind = elements.get(0).withoutAttributes();
        String kindText;
        if (kind instanceof RespValue.Bulk bulk) {
            kindText = bulk.asString();
        } else if (kind instanceof RespValue.SimpleString simple) {
            kindText = simple.value();
        } else {
            throw new RespProtocolException(
                    "Push message kind must be a string, got " + kind.getClass().getSimpleName());
        }
        return new RespValue.Push(kindText, elements.subList(1, elements.size()));
    }
}
