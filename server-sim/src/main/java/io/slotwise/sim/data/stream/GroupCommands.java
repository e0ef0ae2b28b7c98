package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.OptionalLong;

/**
 * XGROUP CREATE, SETID, DESTROY, CREATECONSUMER, DELCONSUMER and HELP, and XSETID, with Redis 7.0's checks in its
 * order: CREATE's options first, then the key (which must exist unless CREATE has MKSTREAM), then the group (which
 * SETID, CREATECONSUMER and DELCONSUMER need). Destroying a group wakes the clients blocked on it in XREADGROUP, who
 * get a NOGROUP error.
 */
final class GroupCommands {
    private static final String NO_KEY = "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE"
            + " you may want to use the MKSTREAM option to create an empty stream automatically.";
    private static final String ENTRIES_READ_RANGE = "ERR value for ENTRIESREAD must be positive or -1";

    private GroupCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("xgroup|create", GroupCommands::create);
        registrar.register("xgroup|setid", GroupCommands::setId);
        registrar.register("xgroup|destroy", GroupCommands::destroy);
        registrar.register("xgroup|createconsumer", GroupCommands::createConsumer);
        registrar.register("xgroup|delconsumer", GroupCommands::deleteConsumer);
        registrar.register("xgroup|help", ctx -> help());
        registrar.register("xsetid", GroupCommands::xsetid);
    }

    private static Reply create(CommandContext ctx) {
        boolean makeStream = false;
        long entriesRead = StreamGroup.UNKNOWN_ENTRIES_READ;
        for (int i = 5; i < ctx.argc(); ) {
            if (ctx.argIs(i, "mkstream")) {
                makeStream = true;
                i++;
            } else if (ctx.argIs(i, "entriesread") && i + 1 < ctx.argc()) {
                entriesRead = entriesRead(ctx, i + 1);
                i += 2;
            } else {
                throw syntax(ctx);
            }
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 2);
        StreamValue stream = keyspace.getStream(key);
        if (stream == null && !makeStream) {
            throw new CommandException(NO_KEY);
        }
        if (ctx.argc() > 8) {
            throw syntax(ctx);
        }
        byte[] idArg = ctx.arg(4);
        StreamId id = idArg.length == 1 && idArg[0] == '$'
                ? (stream == null ? StreamId.MIN : stream.lastId())
                : StreamIds.parseStrict(idArg, 0);
        Bytes name = StreamContext.bytes(ctx, 3);
        if (stream != null && stream.group(name) != null) {
            throw new CommandException("BUSYGROUP Consumer Group name already exists");
        }
        if (stream == null) {
            stream = keyspace.getOrCreateStream(key);
        }
        stream.createGroup(name, id, entriesRead);
        keyspace.markModified(key);
        return Reply.ok();
    }

    private static Reply setId(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        StreamGroup group = requireGroup(ctx, stream);
        if (ctx.argc() != 5 && ctx.argc() != 7) {
            throw syntax(ctx);
        }
        byte[] idArg = ctx.arg(4);
        StreamId id = idArg.length == 1 && idArg[0] == '$' ? stream.lastId() : StreamIds.parse(idArg, 0);
        long entriesRead = StreamGroup.UNKNOWN_ENTRIES_READ;
        if (ctx.argc() == 7) {
            if (!ctx.argIs(5, "entriesread")) {
                throw syntax(ctx);
            }
            entriesRead = entriesRead(ctx, 6);
        }
        group.setLastDelivered(id);
        group.setEntriesRead(entriesRead);
        StreamContext.keyspace(ctx).markModified(StreamContext.key(ctx, 2));
        return Reply.ok();
    }

    private static Reply destroy(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        if (ctx.argc() != 4) {
            throw syntax(ctx);
        }
        if (!stream.destroyGroup(StreamContext.bytes(ctx, 3))) {
            return Reply.integer(0);
        }
        StreamContext.keyspace(ctx).markModified(StreamContext.key(ctx, 2));
        return Reply.integer(1);
    }

    private static Reply createConsumer(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        StreamGroup group = requireGroup(ctx, stream);
        if (ctx.argc() != 5) {
            throw syntax(ctx);
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        boolean created = group.consumerOrCreate(StreamContext.bytes(ctx, 4), keyspace.currentTimeMillis())
                .isNew();
        if (created) {
            keyspace.markModified(StreamContext.key(ctx, 2));
        }
        return Reply.integer(created ? 1 : 0);
    }

    private static Reply deleteConsumer(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        StreamGroup group = requireGroup(ctx, stream);
        if (ctx.argc() != 5) {
            throw syntax(ctx);
        }
        long pending = group.deleteConsumer(StreamContext.bytes(ctx, 4));
        if (pending < 0) {
            return Reply.integer(0);
        }
        StreamContext.keyspace(ctx).markModified(StreamContext.key(ctx, 2));
        return Reply.integer(pending);
    }

    private static Reply xsetid(CommandContext ctx) {
        StreamId id = StreamIds.parseStrict(ctx.arg(2), 0);
        long entriesAdded = -1;
        StreamId maxDeleted = StreamId.MIN;
        for (int i = 3; i < ctx.argc(); ) {
            boolean more = i + 1 < ctx.argc();
            if (ctx.argIs(i, "entriesadded") && more) {
                entriesAdded = integer(ctx, i + 1);
                if (entriesAdded < 0) {
                    throw new CommandException("ERR entries_added must be positive");
                }
                i += 2;
            } else if (ctx.argIs(i, "maxdeletedid") && more) {
                maxDeleted = StreamIds.parseStrict(ctx.arg(i + 1), 0);
                if (id.compareTo(maxDeleted) < 0) {
                    throw new CommandException(
                            "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                }
                i += 2;
            } else {
                throw new CommandException("ERR syntax error");
            }
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        if (stream == null) {
            throw new CommandException("ERR no such key");
        }
        if (stream.size() > 0) {
            if (id.compareTo(stream.entries().lastKey()) < 0) {
                throw new CommandException("ERR The ID specified in XSETID is smaller than the target stream top item");
            }
            if (entriesAdded != -1 && stream.size() > entriesAdded) {
                throw new CommandException(
                        "ERR The entries_added specified in XSETID is smaller than the target stream length");
            }
        }
        stream.setLastId(id);
        if (entriesAdded != -1) {
            stream.setEntriesAdded(entriesAdded);
        }
        if (!maxDeleted.isZero()) {
            stream.setMaxDeletedId(maxDeleted);
        }
        keyspace.markModified(key);
        return Reply.ok();
    }

    private static StreamValue existing(CommandContext ctx) {
        StreamValue stream = StreamContext.keyspace(ctx).getStream(StreamContext.key(ctx, 2));
        if (stream == null) {
            throw new CommandException(NO_KEY);
        }
        return stream;
    }

    private static StreamGroup requireGroup(CommandContext ctx, StreamValue stream) {
        Bytes name = StreamContext.bytes(ctx, 3);
        StreamGroup group = stream.group(name);
        if (group == null) {
            throw new CommandException("NOGROUP No such consumer group '" + name.toUtf8() + "' for key name '"
                    + StreamContext.bytes(ctx, 2).toUtf8() + "'");
        }
        return group;
    }

    private static long entriesRead(CommandContext ctx, int index) {
        long value = integer(ctx, index);
        if (value < 0 && value != StreamGroup.UNKNOWN_ENTRIES_READ) {
            throw new CommandException(ENTRIES_READ_RANGE);
        }
        return value;
    }

    private static long integer(CommandContext ctx, int index) {
        OptionalLong value = RedisNumbers.parseLong(ctx.arg(index));
        if (value.isEmpty()) {
            throw new CommandException("ERR value is not an integer or out of range");
        }
        return value.getAsLong();
    }

    private static CommandException syntax(CommandContext ctx) {
        return new CommandException(
                "ERR unknown subcommand or wrong number of arguments for '" + ctx.argString(1) + "'. Try XGROUP HELP.");
    }

    private static Reply help() {
        String[] lines = {
            "CREATE <key> <groupname> <id|$> [option]",
            "    Create a new consumer group. Options are:",
            "    * MKSTREAM",
            "      Create the empty stream if it does not exist.",
            "    * ENTRIESREAD entries_read",
            "      Set the group's entries_read counter (internal use).",
            "CREATECONSUMER <key> <groupname> <consumer>",
            "    Create a new consumer in the specified group.",
            "DELCONSUMER <key> <groupname> <consumer>",
            "    Remove the specified consumer.",
            "DESTROY <key> <groupname>",
            "    Remove the specified group.",
            "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
            "    Set the current group ID and entries_read counter.",
        };
        return StreamHelp.of("XGROUP", lines);
    }
}
