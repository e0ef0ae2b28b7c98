package io.slotwise.netty.testing;

import static io.slotwise.netty.testing.Exchange.bulk;

import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link FakeClusterNode} answers: scripts first, then connection commands, {@code CLUSTER SHARDS|SLOTS|
 * GETKEYSINSLOT}, and a few keyed commands (GET, SET, MGET, MSET, DEL, EXISTS, TYPE) on the cluster's shared keyspace,
 * honouring slot ownership with MOVED, READONLY for replica reads, ASKING for imported slots, and ASK for keys a
 * {@linkplain FakeCluster#beginMigration migration} moved; DBSIZE and KEYS count the node's slots only. MULTI, EXEC,
 * DISCARD and WATCH work per connection as in Redis ({@link FakeTransactions}): a redirect while queuing dooms the
 * transaction (EXECABORT), and ASKING before MULTI lasts until EXEC.
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
        int connection = exchange.connectionNumber();
        if (node.runScript(exchange)) {
            // A scripted reply to a command queued in MULTI stands for a queuing error: it dooms the transaction.
            if (node.transactions.inMulti(connection) && !exchange.name().equals("EXEC")) {
                node.transactions.refused(connection);
            }
            return;
        }
        List<String> args = exchange.args();
        String name = exchange.name();
        FakeTransactions transactions = node.transactions;
        boolean keepAsking = transactions.inMulti(connection) || name.equals("MULTI");
        boolean asking = !name.equals("ASKING")
                && (keepAsking
                        ? node.askingConnections.contains(connection)
                        : node.askingConnections.remove(connection));
        if (transactions.handles(exchange, name, connection, this::executeQueued)) {
            if (name.equals("EXEC") || name.equals("DISCARD")) {
                node.askingConnections.remove(connection);
            }
            return;
        }
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
            default -> {
                String refused = refusal(name, args, connection, asking);
                if (refused != null) {
                    transactions.refused(connection);
                    exchange.reply(refused);
                } else if (name.equals("WATCH")) {
                    transactions.watch(connection, args.get(1));
                    exchange.reply("+OK\r\n");
                } else if (transactions.inMulti(connection)) {
                    transactions.queue(connection, args);
                    exchange.reply("+QUEUED\r\n");
                } else {
                    if (asking && cluster.importerOf(SlotHash.slot(args.get(1))) == node) {
                        cluster.markMoved(keysOf(name, args));
                    }
                    exchange.reply(execute(name, args));
                }
            }
        }
    }

    /** Runs a command queued in a transaction, at EXEC. */
    String executeQueued(List<String> args) {
        String name = args.get(0).toUpperCase(java.util.Locale.ROOT);
        if (name.equals("CLUSTER")) {
            return keysInSlot(Integer.parseInt(args.get(2)), Integer.parseInt(args.get(3)));
        }
        return execute(name, args);
    }

    private void cluster(Exchange exchange, String sub) {
        if (sub.equals("SHARDS") && !node.isShardsUnsupported()) {
            exchange.reply(ClusterTopologyReplies.shards(cluster, node.view()));
        } else if (sub.equals("SLOTS")) {
            exchange.reply(ClusterTopologyReplies.slots(cluster, node.view()));
        } else if (sub.equals("GETKEYSINSLOT")) {
            List<String> args = exchange.args();
            if (node.transactions.inMulti(exchange.connectionNumber())) {
                node.transactions.queue(exchange.connectionNumber(), args);
                exchange.reply("+QUEUED\r\n");
            } else {
                exchange.reply(keysInSlot(Integer.parseInt(args.get(2)), Integer.parseInt(args.get(3))));
            }
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

    /** The keys this node holds in a slot: all of them, but only those not moved away (or moved here) mid-migration. */
    private String keysInSlot(int slot, int count) {
        List<String> keys = new ArrayList<>();
        boolean owner = cluster.ownerOf(slot) == node.primary();
        boolean importer = cluster.importerOf(slot) == node;
        for (String key : cluster.keyspace.keySet()) {
            if (keys.size() < count && SlotHash.slot(key) == slot) {
                boolean moved = cluster.isMoved(key);
                if ((owner && !moved) || (importer && moved)) {
                    keys.add(key);
                }
            }
        }
        return array(keys);
    }

    /** Why this node does not run a keyed command now (a RESP error), or {@code null} if it does. */
    private String refusal(String name, List<String> args, int connection, boolean asking) {
        List<String> keys = keysOf(name, args);
        if (keys == null) {
            return "-ERR unknown command '" + name + "'\r\n";
        }
        int slot = SlotHash.slot(keys.get(0));
        for (String key : keys) {
            if (SlotHash.slot(key) != slot) {
                return "-CROSSSLOT Keys in request don't hash to the same slot\r\n";
            }
        }
        FakeClusterNode owner = cluster.ownerOf(slot);
        if (owner == null) {
            return "-CLUSTERDOWN Hash slot not served\r\n";
        }
        FakeClusterNode importer = cluster.importerOf(slot);
        if (asking && importer == node) {
            return null;
        }
        boolean serves = (node.isPrimary() && node == owner)
                || (!node.isPrimary()
                        && node.primary() == owner
                        && READS.contains(name)
                        && node.readOnlyConnections.contains(connection));
        if (!serves) {
            return "-MOVED " + slot + " " + owner.announced() + "\r\n";
        }
        if (importer != null && node == owner && cluster.isMigrating(slot)) {
            for (String key : keys) {
                if (cluster.isMoved(key) || !cluster.keyspace.containsKey(key)) {
                    return "-ASK " + slot + " " + importer.announced() + "\r\n";
                }
            }
        }
        return null;
    }

    private static List<String> keysOf(String name, List<String> args) {
        return switch (name) {
            case "GET", "SET", "TYPE", "WATCH" -> List.of(args.get(1));
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
            case "TYPE" -> {
                return keyspace.containsKey(args.get(1)) ? "+string\r\n" : "+none\r\n";
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
