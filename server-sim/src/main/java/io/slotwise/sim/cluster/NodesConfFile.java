package io.slotwise.sim.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The Redis 7.0 nodes.conf format: the CLUSTER NODES lines of every node except handshake nodes, then
 * {@code vars currentEpoch <n> lastVoteEpoch <m>}, each line ending in {@code \n}. Parsing follows Redis's loader (see
 * {@link #parse}). Stateless; the file helpers do blocking I/O and belong off the event loop or at start-up.
 */
public final class NodesConfFile {

    private NodesConfFile() {}

    /**
     * Serializes a state.
     *
     * @param state the state, never {@code null}
     * @return the file content
     */
    public static String serialize(ClusterState state) {
        return ClusterNodesRenderer.render(state, false) + "vars currentEpoch " + state.currentEpoch()
                + " lastVoteEpoch " + state.lastVoteEpoch() + "\n";
    }

    /**
     * Parses nodes.conf content into a new state. Blank lines are skipped; a {@code vars} line holds key/value pairs
     * (unknown keys ignored); node lines need at least 8 fields, an address {@code ip:port[@cport][,hostname]}
     * (missing cport means port + 10000), known flags, {@code -} or a master ID. Non-zero ping/pong times become
     * "now"; replicas with a master get config epoch 0; a {@code fail} flag records "now" as fail time. Nodes named
     * only as a master or migration peer are created without flags. Migration markers are applied to the slot table.
     * currentEpoch is raised to the greatest config epoch. Exactly one line must carry {@code myself}; after loading it
     * comes first in the node order.
     *
     * @param content the file content, never {@code null}
     * @param config the options for the new state, never {@code null}
     * @param environment clock, randomness and keyspace view, never {@code null}
     * @return the loaded state (its {@code cluster_state} not evaluated yet)
     * @throws CorruptNodesConfException naming the first malformed line
     */
    public static ClusterState parse(String content, ClusterConfig config, ClusterEnvironment environment)
            throws CorruptNodesConfException {
        return new NodesConfParser(config, environment).parse(content);
    }

    /**
     * Loads a nodes.conf file.
     *
     * @param file the path, never {@code null}
     * @param config the options for the new state, never {@code null}
     * @param environment clock, randomness and keyspace view, never {@code null}
     * @return the state, or empty when the file does not exist or is empty (Redis then starts a fresh node)
     * @throws CorruptNodesConfException when the content is malformed
     * @throws IOException when the file cannot be read
     */
    public static Optional<ClusterState> load(Path file, ClusterConfig config, ClusterEnvironment environment)
            throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(content, config, environment));
    }

    /**
     * Saves a state: writes a temporary sibling file, optionally forces it to disk, then renames it over the target
     * so a crash never leaves a half-written file.
     *
     * @param file the target path, never {@code null}
     * @param state the state, never {@code null}
     * @param fsync whether to force the content to the storage device before the rename
     * @throws IOException when writing fails; the previous file is then left untouched
     */
    public static void save(Path file, ClusterState state, boolean fsync) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(
                absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(temporary, serialize(state), StandardCharsets.UTF_8);
            if (fsync) {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException unsupported) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
