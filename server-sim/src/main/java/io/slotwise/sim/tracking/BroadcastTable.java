package io.slotwise.sim.tracking;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Redis's prefix table for BCAST mode: for each prefix, the clients subscribed to it and the keys with that prefix
 * modified since the last delivery, each with the client whose command modified it last (null for expiry), so that
 * NOLOOP clients can leave out their own. Used on the node's event loop only.
 */
final class BroadcastTable {

    /** One prefix: its clients in subscription order and its modified keys in byte order. */
    private static final class Prefix {
        final Set<ClientSession> clients = new LinkedHashSet<>();
        final TreeMap<Bytes, ClientSession> modified = new TreeMap<>();
    }

    /** What {@link #drain} hands out for one prefix: each client with the keys it is to be told about. */
    record Delivery(ClientSession client, List<Bytes> keys) {}

    private final TreeMap<Bytes, Prefix> prefixes = new TreeMap<>();

    void subscribe(Bytes prefix, ClientSession client) {
        prefixes.computeIfAbsent(prefix, p -> new Prefix()).clients.add(client);
    }

    void unsubscribe(Bytes prefix, ClientSession client) {
        Prefix entry = prefixes.get(prefix);
        if (entry != null && entry.clients.remove(client) && entry.clients.isEmpty()) {
            prefixes.remove(prefix);
        }
    }

    /**
     * Records a modified key under every prefix it starts with.
     *
     * @param key the key
     * @param actor the client whose command modified it, or null
     * @return whether the key matched a prefix (a delivery is due)
     */
    boolean keyModified(Bytes key, ClientSession actor) {
        boolean matched = false;
        byte[] bytes = key.toByteArray();
        for (Map.Entry<Bytes, Prefix> entry : prefixes.entrySet()) {
            if (startsWith(bytes, entry.getKey().toByteArray())) {
                entry.getValue().modified.put(key, actor);
                matched = true;
            }
        }
        return matched;
    }

    /**
     * Takes every pending key: prefix by prefix in byte order, one delivery per subscribed client with the keys in byte
     * order, without those a NOLOOP client modified itself (no delivery if none remain).
     *
     * @param noLoop whether a client asked for NOLOOP
     */
    List<Delivery> drain(Predicate<ClientSession> noLoop) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Prefix prefix : prefixes.values()) {
            if (prefix.modified.isEmpty()) {
                continue;
            }
            List<Bytes> all = List.copyOf(prefix.modified.keySet());
            for (ClientSession client : prefix.clients) {
                List<Bytes> keys = all;
                if (noLoop.test(client)) {
                    keys = prefix.modified.entrySet().stream()
                            .filter(e -> e.getValue() != client)
                            .map(Map.Entry::getKey)
                            .toList();
                }
                if (!keys.isEmpty()) {
                    deliveries.add(new Delivery(client, keys));
                }
            }
            prefix.modified.clear();
        }
        return deliveries;
    }

    /** Whether {@code bytes} begins with {@code prefix}. */
    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
