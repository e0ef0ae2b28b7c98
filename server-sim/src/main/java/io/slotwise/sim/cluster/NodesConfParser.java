package io.slotwise.sim.cluster;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** One-shot parser behind {@link NodesConfFile#parse}; see there for the accepted format. Not thread-safe. */
final class NodesConfParser {

    private final ClusterConfig config;
    private final ClusterEnvironment environment;
    private final long now;
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final Set<String> defined = new HashSet<>();
    private final ClusterNode[] owners = new ClusterNode[SlotTable.SLOT_COUNT];
    private final ClusterNode[] migratingTo = new ClusterNode[SlotTable.SLOT_COUNT];
    private final ClusterNode[] importingFrom = new ClusterNode[SlotTable.SLOT_COUNT];
    private ClusterNode myself;
    private long currentEpoch;
    private long lastVoteEpoch;
    private int lineNumber;
    private String line;

    NodesConfParser(ClusterConfig config, ClusterEnvironment environment) {
        this.config = config;
        this.environment = environment;
        this.now = environment.nowMillis();
    }

    ClusterState parse(String content) throws CorruptNodesConfException {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equalsIgnoreCase("vars")) {
                parseVars(fields);
            } else {
                parseNode(fields);
            }
        }
        if (myself == null) {
            throw new CorruptNodesConfException(0, "no node line carries the myself flag", null);
        }
        return build();
    }

    private void parseVars(String[] fields) throws CorruptNodesConfException {
        if (fields.length % 2 == 0) {
            throw corrupt("vars needs key/value pairs");
        }
        for (int i = 1; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase("currentEpoch")) {
                currentEpoch = unsigned(fields[i + 1], "currentEpoch");
            } else if (fields[i].equalsIgnoreCase("lastVoteEpoch")) {
                lastVoteEpoch = unsigned(fields[i + 1], "lastVoteEpoch");
            }
        }
    }

    private void parseNode(String[] fields) throws CorruptNodesConfException {
        if (fields.length < 8) {
            throw corrupt("a node line needs at least 8 fields");
        }
        ClusterNode node = nodeFor(fields[0], "node id");
        if (!defined.add(node.id())) {
            throw corrupt("node " + node.id() + " is listed twice");
        }
        parseAddress(node, fields[1]);
        EnumSet<NodeFlag> flags;
        try {
            flags = NodeFlag.parse(fields[2]);
        } catch (IllegalArgumentException unknown) {
            throw corrupt(unknown.getMessage());
        }
        if (flags.contains(NodeFlag.MYSELF)) {
            if (myself != null) {
                throw corrupt("a second node carries the myself flag");
            }
            myself = node;
        }
        node.setFlagsRaw(flags);
        if (flags.contains(NodeFlag.FAIL)) {
            node.removeFlag(NodeFlag.FAIL);
            node.addFlag(NodeFlag.FAIL, now);
        }
        if (!fields[3].equals("-")) {
            ClusterNode master = nodeFor(fields[3], "master id");
            if (master == node) {
                throw corrupt("a node cannot be its own master");
            }
            node.setMasterId(master.id());
        }
        node.setPingSentMillis(unsigned(fields[4], "ping-sent") != 0 ? now : 0);
        node.setPongReceivedMillis(unsigned(fields[5], "pong-recv") != 0 ? now : 0);
        long epoch = unsigned(fields[6], "config epoch");
        node.setConfigEpoch(node.isReplica() && node.masterId() != null ? 0 : epoch);
        node.setCreatedAtMillis(now);
        for (int i = 8; i < fields.length; i++) {
            parseSlotToken(node, fields[i]);
        }
    }

    private void parseAddress(ClusterNode node, String field) throws CorruptNodesConfException {
        String address = field;
        int comma = field.indexOf(',');
        if (comma >= 0) {
            int end = field.indexOf(',', comma + 1);
            node.setHostname(field.substring(comma + 1, end < 0 ? field.length() : end));
            address = field.substring(0, comma);
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw corrupt("address '" + field + "' has no ':'");
        }
        String ports = address.substring(colon + 1);
        int at = ports.indexOf('@');
        int port = port(at < 0 ? ports : ports.substring(0, at));
        int busPort = at < 0 ? port + 10_000 : port(ports.substring(at + 1));
        if (busPort > 65535) {
            throw corrupt("bus port " + busPort + " out of range");
        }
        node.setAddress(address.substring(0, colon), port, busPort);
    }

    private void parseSlotToken(ClusterNode node, String token) throws CorruptNodesConfException {
        if (token.startsWith("[")) {
            parseMigrationMarker(token);
            return;
        }
        int dash = token.indexOf('-');
        int start = slot(dash < 0 ? token : token.substring(0, dash));
        int end = dash < 0 ? start : slot(token.substring(dash + 1));
        if (start > end) {
            throw corrupt("slot range " + token + " is reversed");
        }
        for (int slot = start; slot <= end; slot++) {
            if (owners[slot] != null) {
                throw corrupt("slot " + slot + " is assigned to two nodes");
            }
            owners[slot] = node;
        }
    }

    private void parseMigrationMarker(String token) throws CorruptNodesConfException {
        boolean migrating = token.contains("->-");
        boolean importing = token.contains("-<-");
        if (!token.endsWith("]") || migrating == importing) {
            throw corrupt("malformed migration marker " + token);
        }
        int arrow = token.indexOf(migrating ? "->-" : "-<-");
        int slot = slot(token.substring(1, arrow));
        ClusterNode peer = nodeFor(token.substring(arrow + 3, token.length() - 1), "migration peer id");
        if (migrating) {
            migratingTo[slot] = peer;
        } else {
            importingFrom[slot] = peer;
        }
    }

    private ClusterNode nodeFor(String id, String what) throws CorruptNodesConfException {
        if (!NodeId.isWellFormed(id)) {
            throw corrupt("malformed " + what + " '" + id + "'");
        }
        return nodes.computeIfAbsent(id, known -> new ClusterNode(known, "", 0, 0));
    }

    private int slot(String text) throws CorruptNodesConfException {
        OptionalLong value = IntegerArgument.tryParse(text);
        if (value.isEmpty() || value.getAsLong() < 0 || value.getAsLong() >= SlotTable.SLOT_COUNT) {
            throw corrupt("invalid slot '" + text + "'");
        }
        return (int) value.getAsLong();
    }

    private int port(String text) throws CorruptNodesConfException {
        OptionalLong value = IntegerArgument.tryParse(text);
        if (value.isEmpty() || value.getAsLong() < 0 || value.getAsLong() > 65535) {
            throw corrupt("invalid port '" + text + "'");
        }
        return (int) value.getAsLong();
    }

    private long unsigned(String text, String what) throws CorruptNodesConfException {
        OptionalLong value = IntegerArgument.tryParse(text);
        if (value.isEmpty() || value.getAsLong() < 0) {
            throw corrupt("invalid " + what + " '" + text + "'");
        }
        return value.getAsLong();
    }

    private CorruptNodesConfException corrupt(String problem) {
        return new CorruptNodesConfException(lineNumber, problem, line);
    }

    private ClusterState build() {
        ClusterState state = new ClusterState(myself, config, environment);
        long maxConfigEpoch = 0;
        for (ClusterNode node : nodes.values()) {
            if (node != myself) {
                node.setLinkState(LinkState.DISCONNECTED);
                state.addNode(node);
            }
            if (node.masterId() != null) {
                state.attachLoadedReplica(node);
            }
            maxConfigEpoch = Math.max(maxConfigEpoch, node.configEpoch());
        }
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            if (owners[slot] != null) {
                state.assignSlot(slot, owners[slot]);
            }
            state.slots().setMigratingTo(slot, migratingTo[slot]);
            state.slots().setImportingFrom(slot, importingFrom[slot]);
        }
        state.setCurrentEpoch(Math.max(currentEpoch, maxConfigEpoch));
        state.setLastVoteEpoch(lastVoteEpoch);
        return state;
    }
}
