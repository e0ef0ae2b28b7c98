package io.slotwise.netty.testing;

import static io.slotwise.netty.testing.Exchange.bulk;

import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link FakeClusterNode} answers: scripts first, then connection commands, {@code CLUSTER SHARDS|SLOTS}, and a
 * few keyed commands (GET, SET, MGET, MSET, DEL, EXISTS) on the cluster's shared keyspace, honouring slot ownership
 * with MOVED, READONLY for replica reads, and ASKING for imported slots; DBSIZE and KEYS count the node's slots only.
 */
final class ClusterNodeResponder implements Responder {

    private static final Set<String> READS = Set.of("GET", "MGET", "EXISTS");

    private final FakeCluster cluster;
    private final FakeClusterNode node;

    ClusterNodeResponder(FakeCluster cluster, FakeClusterNode node) {
        this.cluster = cluster;
        this.node = node;
    }

    @Override
    public void respond(Exchange exchange) {
        if (node.runScript(exchange)) {
            return;
        }
        int connection = exchange.connectionNumber();
        List<String> args = exchange.args();
        String name = exchange.name();
        boolean asking = !name.equals("ASKING") && node.askingConnections.remove(connection);
        switch (name) {
            case "HELLO" -> exchange.reply("%3\r\n+server\r\n+fake\r\n+proto\r\n:3\r\n+mode\r\n+cluster\r\n");
            case "AUTH", "CLIENT" -> exchange.reply("+OK\r\n");
            case "READONLY" -> {
                node.readOnlyConnections.add(connection);
                exchange.reply("+OK\r\n");
            }
            case "ASKING" -> {
                node.askingConnections.add(connection);
                exchange.reply("+OK\r\n");
            }
            case "PING" -> exchange.reply("+PONG\r\n");
            case "CLUSTER" -> cluster(exchange, args.get(1).toUpperCase(java.util.Locale.ROOT));
            case "DBSIZE" -> exchange.reply(":" + ownKeys().size() + "\r\n");
            case "KEYS" -> exchange.reply(array(new ArrayList<>(ownKeys())));
            default -> keyed(exchange, name, args, connection, asking);
        }
    }

    private void cluster(Exchange exchange, String sub) {
        if (sub.equals("SHARDS") && !node.isShardsUnsupported()) {
            exchange.reply(ClusterTopologyReplies.shards(cluster, node.view()));
        } else if (sub.equals("SLOTS")) {
            exchange.reply(ClusterTopologyReplies.slots(cluster, node.view()));
        } else {
            exchange.reply("-ERR unknown subcommand '" + sub + "'. Try CLUSTER HELP.\r\n");
        }
    }

    private Set<String> ownKeys() {
        Set<String> keys = new TreeSet<>();
        int primaryIndex = cluster.primaryIndex(node.primary());
        int[] owners = node.view();
        for (String key : cluster.keyspace.keySet()) {
            if (owners[SlotHash.slot(key)] == primaryIndex) {
                keys.add(key);
            }
        }
        return keys;
    }

    private void keyed(Exchange exchange, String name, List<String> args, int connection, boolean asking) {
        List<String> keys = keysOf(name, args);
        if (keys == null) {
            exchange.reply("-ERR unknown command '" + name + "'\r\n");
            return;
        }
        int slot = SlotHash.slot(keys.get(0));
        for (String key : keys) {
            if (SlotHash.slot(key) != slot) {
                exchange.reply("-CROSSSLOT Keys in request don't hash to the same slot\r\n");
                return;
            }
        }
        FakeClusterNode owner = cluster.ownerOf(slot);
        if (owner == null) {
            exchange.reply("-CLUSTERDOWN Hash slot not served\r\n");
            return;
        }
        boolean serves = (node.isPrimary() && node == owner)
                || (!node.isPrimary()
                        && node.primary() == owner
                        && READS.contains(name)
                        && node.readOnlyConnections.contains(connection))
                || (asking && cluster.importerOf(slot) == node);
        if (!serves) {
            exchange.reply("-MOVED " + slot + " " + owner.announced() + "\r\n");
            return;
        }
        exchange.reply(execute(name, args));
    }

    private static List<String> keysOf(String name, List<String> args) {
        return switch (name) {
            case "GET", "SET" -> List.of(args.get(1));
            case "MGET", "DEL", "EXISTS" -> args.subList(1, args.size());
            case "MSET" -> {
                List<String> keys = new ArrayList<>();
                for (int i = 1; i < args.size(); i += 2) {
                    keys.add(args.get(i));
                }
                yield keys;
            }
            default -> null;
        };
    }

    private String execute(String name, List<String> args) {
        var keyspace = cluster.keyspace;
        switch (name) {
            case "GET" -> {
                String value = keyspace.get(args.get(1));
                return value == null ? "_\r\n" : bulk(value);
            }
            case "SET" -> {
                keyspace.put(args.get(1), args.get(2));
                return "+OK\r\n";
            }
            case "MGET" -> {
                StringBuilder out =
                        new StringBuilder("*").append(args.size() - 1).append("\r\n");
                for (String key : args.subList(1, args.size())) {
                    String value = keyspace.get(key);
                    out.append(value == null ? "_\r\n" : bulk(value));
                }
                return out.toString();
            }
            case "MSET" -> {
                for (int i = 1; i < args.size(); i += 2) {
                    keyspace.put(args.get(i), args.get(i + 1));
                }
                return "+OK\r\n";
            }
            case "DEL" -> {
                int removed = 0;
                for (String key : args.subList(1, args.size())) {
                    removed += keyspace.remove(key) == null ? 0 : 1;
                }
                return ":" + removed + "\r\n";
            }
            default -> {
                int present = 0;
                for (String key : args.subList(1, args.size())) {
                    present += keyspace.containsKey(key) ? 1 : 0;
                }
                return ":" + present + "\r\n";
            }
        }
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("*").append(values.size()).append("\r\n");
        for (String value : values) {
            out.append(bulk(value));
        }
        return out.toString();
    }
}
