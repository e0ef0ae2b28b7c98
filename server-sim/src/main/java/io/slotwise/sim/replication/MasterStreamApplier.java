package io.slotwise.sim.replication;

import io.slotwise.sim.command.CommandDispatcher;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import io.slotwise.sim.server.ClientSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a master's stream on a replica, command by command in stream order, through the dispatcher's {@link
 * CommandDispatcher#executeFromMaster} (no redirects, no authentication: a replica obeys its master). A MULTI ... EXEC
 * block is collected and applied in one go. The history's offset advances by each command's bytes once it is applied
 * (for a block, once EXEC is applied, as Redis does not acknowledge the middle of a transaction). PING and SELECT
 * change nothing but the offset; {@code REPLCONF GETACK} asks for an acknowledgement right away. A command that fails
 * is logged and skipped, as Redis does.
 *
 * <p>Confined to the node's event loop.
 */
final class MasterStreamApplier {
    private static final Logger LOG = LoggerFactory.getLogger(MasterStreamApplier.class);

    private final CommandDispatcher dispatcher;
    private final ClientSession session;
    private final ReplicationHistory history;
    private final Runnable acknowledge;
    private List<List<byte[]>> transaction;
    private ByteArrayOutputStream transactionBytes;

    /**
     * @param dispatcher the replica's dispatcher
     * @param session the session of the link to the master
     * @param history the replica's history, whose offset advances
     * @param acknowledge sends {@code REPLCONF ACK <offset>} to the master
     */
    MasterStreamApplier(
            CommandDispatcher dispatcher, ClientSession session, ReplicationHistory history, Runnable acknowledge) {
        this.dispatcher = dispatcher;
        this.session = session;
        this.history = history;
        this.acknowledge = acknowledge;
    }

    /**
     * Applies one command of the stream.
     *
     * @param command the command as received
     * @return whether the offset advanced (false inside a MULTI block)
     */
    boolean apply(LinkEvent.StreamCommand command) {
        String name = new String(command.args().get(0), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        if (transaction != null) {
            transactionBytes.writeBytes(command.raw());
            if (name.equals("exec")) {
                List<List<byte[]>> block = transaction;
                transaction = null;
                block.forEach(this::execute);
                history.append(transactionBytes.toByteArray());
                return true;
            }
            transaction.add(command.args());
            return false;
        }
        switch (name) {
            case "multi" -> {
                transaction = new ArrayList<>();
                transactionBytes = new ByteArrayOutputStream();
                transactionBytes.writeBytes(command.raw());
                return false;
            }
            case "ping", "select" -> history.append(command.raw());
            case "replconf" -> {
                history.append(command.raw());
                if (command.args().size() >= 2
                        && new String(command.args().get(1), StandardCharsets.UTF_8).equalsIgnoreCase("getack")) {
                    acknowledge.run();
                }
            }
            default -> {
                execute(command.args());
                history.append(command.raw());
            }
        }
        return true;
    }

    private void execute(List<byte[]> args) {
        // Completes later when the dispatcher held the command for a running script.
        dispatcher.executeFromMaster(Request.of(args), session).whenComplete((reply, failure) -> {
            if (reply instanceof Reply.SimpleError error) {
                LOG.warn(
                        "A command from the master failed on this replica: {} (command '{}')",
                        error.message(),
                        new String(args.get(0), StandardCharsets.UTF_8));
            } else if (failure != null) {
                LOG.warn(
                        "A command from the master failed on this replica (command '{}')",
                        new String(args.get(0), StandardCharsets.UTF_8),
                        failure);
            }
        });
    }
}
