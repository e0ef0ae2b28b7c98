package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.RedirectDecider;
import io.slotwise.sim.cluster.RedirectDecision;
import io.slotwise.sim.cluster.RedirectQuery;
import io.slotwise.sim.command.CommandFlag;
import io.slotwise.sim.command.CommandSpec;
import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.command.RedirectCheck;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster redirection of a node in cluster mode: turns the command (or the commands queued by MULTI) into a
 * {@link RedirectQuery} — every key with its slot, whether any command writes, carries the ASKING flag
 * (RESTORE-ASKING), is MIGRATE or sharded pub/sub, the client's ASKING and READONLY flags, and a side-effect-free key
 * lookup — and answers {@link RedirectDecider}'s rejection. After it, {@link #checkReplicaWrite} refuses writes on a
 * replica with {@value #READONLY_REPLICA} (only keyless writes get that far: keyed ones were redirected to the
 * master).
 *
 * <p>Called by the dispatcher on the node's event loop.
 */
final class ClusterRedirectCheck implements RedirectCheck {
    /** Redis's reply to a write on a replica. */
    static final String READONLY_REPLICA = "READONLY You can't write against a read only replica.";

    private static final Set<String> SHARDED_PUBSUB = Set.of("spublish", "ssubscribe", "sunsubscribe");

    private final ClusterNodeContext cluster;

    ClusterRedirectCheck(ClusterNodeContext cluster) {
        this.cluster = cluster;
    }

    @Override
    public Optional<Reply.SimpleError> check(List<Invocation> commands, ClientSession session) {
        cluster.syncSettings();
        Keyspace keyspace = cluster.keyspace();
        RedirectQuery.Builder query = RedirectQuery.builder()
                .clientAsking(session.asking())
                .clientReadOnly(session.readOnly())
                .presence(name -> keyspace.existsWithoutSideEffects(Key.of(name)));
        boolean write = false;
        boolean asking = false;
        boolean migrate = false;
        boolean shardedPubSub = false;
        for (Invocation invocation : commands) {
            CommandSpec spec = invocation.spec();
            write |= spec.has(CommandFlag.WRITE);
            asking |= spec.has(CommandFlag.ASKING);
            migrate |= spec.name().equals("migrate");
            shardedPubSub |= SHARDED_PUBSUB.contains(spec.name());
            for (int index : invocation.keyIndexes()) {
                byte[] key = invocation.request().arg(index);
                query.key(key, KeySlot.of(key));
            }
        }
        query.write(write).askingCommand(asking).migrate(migrate).shardedPubSub(shardedPubSub);
        RedirectDecision decision = RedirectDecider.decide(cluster.state(), query.build());
        if (decision instanceof RedirectDecision.Rejection rejection) {
            return Optional.of(Reply.error(rejection.errorText()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Reply.SimpleError> checkReplicaWrite(List<Invocation> commands, ClientSession session) {
        if (cluster.state().myself().isReplica()
                && commands.stream().anyMatch(command -> command.spec().has(CommandFlag.WRITE))) {
            return Optional.of(Reply.error(READONLY_REPLICA));
        }
        return Optional.empty();
    }
}
