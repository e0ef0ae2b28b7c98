package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG subcommands tools and test suites use: DIGEST, DIGEST-VALUE (what {@code redis-cli --cluster} compares),
 * SLEEP, SET-ACTIVE-EXPIRE, ERROR, LOG, PROTOCOL, POPULATE and HELP, with Redis 7.0's replies. Differences: digests are
 * the simulator's own (equal for equal data on every node, see {@link KeyspaceDigest} and {@link
 * DumpPayload#digestHex}); SLEEP delays only the calling connection instead of freezing the node; SET-ACTIVE-EXPIRE is
 * acknowledged without effect. Another subcommand Redis knows answers {@code ERR unsupported DEBUG subcommand ...};
 * an unknown one, or wrong arguments, Redis's {@code ERR unknown subcommand or wrong number of arguments ...}. DEBUG is
 * always enabled ({@code enable-debug-command} has no effect). Runs on the node's event loop.
 */
final class DebugCommands {
    private static final Logger LOG = LoggerFactory.getLogger(DebugCommands.class);

    /** Redis 7.0's other DEBUG subcommands, which the simulator does not implement. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "segfault",
            "panic",
            "restart",
            "crash-and-recover",
            "assert",
            "leak",
            "reload",
            "loadaof",
            "drop-cluster-packet-filter",
            "object",
            "sdslen",
            "listpack",
            "quicklist",
            "quicklist-packed-threshold",
            "set-skip-checksum-validation",
            "aof-flush-sleep",
            "replicate",
            "structsize",
            "htstats",
            "htstats-key",
            "change-repl-id",
            "stringmatch-test",
            "pause-cron",
            "replybuffer",
            "client-eviction",
            "oom",
            "mallctl",
            "mallctl-str",
            "config-rewrite-force-all",
            "clusterlink");

    /** The number strtod reads at the start of DEBUG SLEEP's argument; anything else reads as 0. */
    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");

    private DebugCommands() {}

    static void register(CommandRegistry registry) {
        registry.registerAsync("debug", DebugCommands::debug);
    }

    private static CompletionStage<Reply> debug(CommandContext ctx) {
        if (ctx.argIs(1, "SLEEP") && ctx.argc() == 3) {
            return sleep(ctx);
        }
        return CompletableFuture.completedFuture(answer(ctx));
    }

    private static Reply answer(CommandContext ctx) {
        String sub = ctx.argString(1).toLowerCase(Locale.ROOT);
        int argc = ctx.argc();
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (sub.equals("help") && argc == 2) {
            return help();
        } else if (sub.equals("digest") && argc == 2) {
            return Reply.simple(KeyspaceDigest.of(keyspace));
        } else if (sub.equals("digest-value")) {
            List<Reply> digests = new ArrayList<>(argc - 2);
            for (int i = 2; i < argc; i++) {
                Value value = keyspace.get(CommandArgs.key(ctx, i));
                digests.add(Reply.simple(value == null ? KeyspaceDigest.ZERO : DumpPayload.digestHex(value)));
            }
            return new Reply.Array(digests);
        } else if (sub.equals("set-active-expire") && argc == 3) {
            return Reply.ok();
        } else if (sub.equals("error") && argc == 3) {
            throw new CommandException(ctx.argString(2).replace('\r', ' ').replace('\n', ' '));
        } else if (sub.equals("log") && argc == 3) {
            LOG.warn("DEBUG LOG: {}", CommandArgs.echo(ctx, 2, false));
            return Reply.ok();
        } else if (sub.equals("protocol") && argc == 3) {
            return DebugProtocol.sample(ctx.argString(2), ctx.session().protocol());
        } else if (sub.equals("populate") && argc >= 3 && argc <= 5) {
            return populate(ctx, keyspace);
        } else if (UNSUPPORTED.contains(sub)) {
            throw new CommandException("ERR unsupported DEBUG subcommand '" + CommandArgs.echo(ctx, 1, true)
                    + "': the Slotwise simulator does not implement it");
        }
        throw new CommandException("ERR unknown subcommand or wrong number of arguments for '"
                + CommandArgs.echo(ctx, 1, true) + "'. Try DEBUG HELP.");
    }

    private static CompletionStage<Reply> sleep(CommandContext ctx) {
        Matcher number = LEADING_NUMBER.matcher(ctx.argString(2));
        double seconds = number.find() ? Double.parseDouble(number.group(1)) : 0;
        long micros = (long) (seconds * 1_000_000);
        if (micros <= 0) {
            return CompletableFuture.completedFuture(Reply.ok());
        }
        CompletableFuture<Reply> done = new CompletableFuture<>();
        ctx.node().eventLoop().schedule(() -> done.complete(Reply.ok()), micros, TimeUnit.MICROSECONDS);
        return done;
    }

    /** DEBUG POPULATE count [prefix] [size]: creates {@code prefix:N} = {@code value:N} where no such key exists. */
    private static Reply populate(CommandContext ctx, Keyspace keyspace) {
        long count = positiveLong(ctx, 2);
        long size = ctx.argc() == 5 ? positiveLong(ctx, 4) : 0;
        String prefix = ctx.argc() >= 4 ? ctx.argString(3) : "key";
        for (long j = 0; j < count; j++) {
            Key key = Key.of(prefix + ":" + j);
            if (keyspace.exists(key)) {
                continue;
            }
            byte[] text = ("value:" + j).getBytes(StandardCharsets.US_ASCII);
            byte[] value = text;
            if (size > 0) {
                value = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
                System.arraycopy(text, 0, value, 0, Math.min(text.length, value.length));
            }
            keyspace.set(key, StringValue.of(value));
        }
        return Reply.ok();
    }

    private static long positiveLong(CommandContext ctx, int index) {
        long value = RedisNumbers.parseLong(ctx.arg(index)).orElse(-1);
        if (value < 0) {
            throw new CommandException("ERR value is out of range, must be positive");
        }
        return value;
    }

    private static Reply help() {
        return SubcommandHelp.of(
                "DEBUG",
                "DIGEST",
                "    Output a hex signature representing the current DB content.",
                "DIGEST-VALUE <key> [<key> ...]",
                "    Output a hex signature of the values of all the specified keys.",
                "ERROR <string>",
                "    Return a Redis protocol error with <string> as message. Useful for clients",
                "    unit tests to simulate Redis errors.",
                "LOG <message>",
                "    Write <message> to the server log.",
                "POPULATE <count> [<prefix>] [<size>]",
                "    Create <count> string keys named key:<num>. If <prefix> is specified then",
                "    it is used instead of the 'key' prefix. These are not propagated to",
                "    replicas. Cluster slots are not respected so keys not belonging to the",
                "    current node can be created in cluster mode.",
                "PROTOCOL <type>",
                "    Reply with a test value of the specified type. <type> can be: string,",
                "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
                "    true, false.",
                "SET-ACTIVE-EXPIRE <0|1>",
                "    Setting it to 0 disables expiring keys in background when they are not",
                "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
                "    default.",
                "SLEEP <seconds>",
                "    Stop the server for <seconds>. Decimals allowed.");
    }
}
