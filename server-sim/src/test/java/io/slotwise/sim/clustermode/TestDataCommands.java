package io.slotwise.sim.clustermode;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandHandler;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.DumpPayloadException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The few data commands the cluster-mode tests need (SET [PX ms], GET, MGET, PTTL, EXISTS, RESTORE-ASKING), for
 * branches where the data families are not there yet. Each is registered only if no family serves it already, so the
 * real commands win once they exist.
 */
final class TestDataCommands implements NodeModule {

    @Override
    public void install(NodeSetup setup) {
        Keyspace keyspace = setup.node().service(Keyspace.class).orElseThrow();
        CommandRegistry registry = setup.commands();
        registerMissing(registry, "set", ctx -> set(keyspace, ctx));
        registerMissing(registry, "get", ctx -> get(keyspace, ctx.arg(1)));
        registerMissing(registry, "mget", ctx -> {
            List<Reply> values = new ArrayList<>();
            for (int i = 1; i < ctx.argc(); i++) {
                values.add(get(keyspace, ctx.arg(i)));
            }
            return new Reply.Array(values);
        });
        registerMissing(registry, "pttl", ctx -> Reply.integer(keyspace.pttl(Key.of(ctx.arg(1)))));
        registerMissing(registry, "exists", ctx -> {
            long count = 0;
            for (int i = 1; i < ctx.argc(); i++) {
                count += keyspace.exists(Key.of(ctx.arg(i))) ? 1 : 0;
            }
            return Reply.integer(count);
        });
        registerMissing(registry, "restore-asking", ctx -> restore(keyspace, ctx));
    }

    private static void registerMissing(CommandRegistry registry, String name, CommandHandler handler) {
        if (!registry.isRegistered(name)) {
            registry.register(name, handler);
        }
    }

    private static Reply set(Keyspace keyspace, CommandContext ctx) {
        Key key = Key.of(ctx.arg(1));
        StringValue value = StringValue.of(ctx.arg(2));
        if (ctx.argc() == 5 && ctx.argIs(3, "px")) {
            keyspace.set(key, value, keyspace.currentTimeMillis() + ctx.longArg(4));
        } else if (ctx.argc() == 3) {
            keyspace.set(key, value);
        } else {
            throw CommandException.syntaxError();
        }
        return Reply.ok();
    }

    private static Reply get(Keyspace keyspace, byte[] name) {
        StringValue value = keyspace.getString(Key.of(name));
        return value == null ? Reply.nullBulk() : Reply.bulk(value.toByteArray());
    }

    private static Reply restore(Keyspace keyspace, CommandContext ctx) {
        Key key = Key.of(ctx.arg(1));
        boolean replace = ctx.argc() == 5 && ctx.argIs(4, "replace");
        if (ctx.argc() > 5 || (ctx.argc() == 5 && !replace)) {
            throw CommandException.syntaxError();
        }
        if (!replace && keyspace.exists(key)) {
            throw new CommandException("BUSYKEY Target key name already exists.");
        }
        long ttl = ctx.longArg(2);
        if (ttl < 0) {
            throw new CommandException("ERR Invalid TTL value, must be >= 0");
        }
        Value value;
        try {
            value = DumpPayload.decode(ctx.arg(3));
        } catch (DumpPayloadException e) {
            throw new CommandException("ERR Bad data format");
        }
        if (ttl == 0) {
            keyspace.set(key, value);
        } else {
            keyspace.set(key, value, keyspace.currentTimeMillis() + ttl);
        }
        return Reply.ok();
    }
}
