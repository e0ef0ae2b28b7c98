package io.slotwise.sim.data;

import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.KeyspaceSummary;
import io.slotwise.sim.command.PendingExpiry;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.data.geo.GeoCommands;
import io.slotwise.sim.data.hyperloglog.HyperLogLogCommands;
import io.slotwise.sim.data.stream.StreamCommands;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeyChange;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.KeyspaceListener;
import io.slotwise.sim.server.WatchedKeys;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Gives a node its data: installs a {@link Keyspace} as a node service, runs active expiry on the node's event loop,
 * reports DBSIZE and INFO keyspace, spoils WATCHed transactions when their keys change, and registers the data
 * commands and scripting ({@link io.slotwise.sim.script.ScriptCommands}).
 *
 * <p>Handlers find the keyspace with {@code ctx.node().service(Keyspace.class)}.
 */
public final class KeyspaceModule implements NodeModule {

    /** How often active expiry runs: Redis's default {@code hz 10}. */
    static final long ACTIVE_EXPIRY_PERIOD_MILLIS = 100;

    /** The most keys one active-expiry tick removes, so that a mass expiry cannot stall the node. */
    static final int ACTIVE_EXPIRY_BUDGET = 2000;

    private final Keyspace keyspace;

    /** A module with a keyspace on the system clock. */
    public KeyspaceModule() {
        this(new Keyspace());
    }

    /**
     * A module around a given keyspace, for tests that control its clock.
     *
     * @param keyspace the keyspace; confined to the node's event loop from now on
     */
    public KeyspaceModule(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    @Override
    public void install(NodeSetup setup) {
        setup.provide(Keyspace.class, keyspace);
        setup.provide(KeyspaceSummary.class, new Summary(keyspace));
        setup.provide(PendingExpiry.class, new KeyspaceExpiry(keyspace, ACTIVE_EXPIRY_BUDGET));
        WatchedKeys watched = setup.node().clients().watchedKeys();
        keyspace.addListener(new KeyspaceListener() {
            @Override
            public void keyChanged(Key key, KeyChange change) {
                watched.touch(key.toByteArray());
            }

            @Override
            public void keyspaceFlushed(Set<Key> removedKeys) {
                removedKeys.forEach(key -> watched.touch(key.toByteArray()));
            }
        });
        ScheduledFuture<?> expiry = setup.eventLoop()
                .scheduleAtFixedRate(
                        () -> {
                            // No active expiry while a script runs: a script is atomic (Redis's cron waits too).
                            if (!setup.node()
                                    .service(ScriptGate.class)
                                    .map(ScriptGate::running)
                                    .orElse(false)) {
                                keyspace.activeExpireCycle(ACTIVE_EXPIRY_BUDGET);
                            }
                        },
                        ACTIVE_EXPIRY_PERIOD_MILLIS,
                        ACTIVE_EXPIRY_PERIOD_MILLIS,
                        TimeUnit.MILLISECONDS);
        setup.onClose(() -> expiry.cancel(false));
        FlushCommands.register(setup.commands());
        StringCommands.register(setup.commands());
        StringSetCommands.register(setup.commands());
        StringRangeCommands.register(setup.commands());
        LcsCommand.register(setup.commands());
        BitmapCommands.register(setup.commands());
        CounterCommands.register(setup.commands());
        KeyCommands.register(setup.commands());
        ExpireCommands.register(setup.commands());
        ScanCommand.register(setup.commands());
        DatabaseCommands.register(setup.commands());
        DumpRestoreCommands.register(setup.commands());
        io.slotwise.sim.script.ScriptCommands.register(setup);
        ObjectCommands.register(setup.commands());
        DebugCommands.register(setup.commands());
        CollectionRegistrar collections = CollectionFamilies.register(setup, keyspace);
        HyperLogLogCommands.register(setup.commands());
        GeoCommands.register(collections, FloatSyntax::parseDouble);
        StreamCommands.register(collections);
    }

    /** DBSIZE and INFO keyspace, read from the live keyspace. */
    private record Summary(Keyspace keyspace) implements KeyspaceSummary {
        @Override
        public long keys() {
            return keyspace.size();
        }

        @Override
        public long keysWithExpiry() {
            return keyspace.expiringKeyCount();
        }
    }
}
