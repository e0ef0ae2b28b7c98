package io.slotwise.sim.tracking;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO with Redis 7.0's replies and errors, checked in Redis's order:
 * the options are parsed first (syntax, a second REDIRECT, a REDIRECT that is not an integer or names no connected
 * client), then, for {@code on}, PREFIX without BCAST, a BCAST switch, BCAST with OPTIN/OPTOUT, OPTIN with OPTOUT, an
 * OPTIN/OPTOUT switch, and overlapping prefixes.
 */
final class TrackingCommands {
    private static final String OVERLAP_TAIL = "'. Prefixes for a single client must not overlap.";

    private final ClientSideCaching caching;

    private TrackingCommands(ClientSideCaching caching) {
        this.caching = caching;
    }

    /**
     * Registers the four subcommands.
     *
     * @param registry the node's registry
     * @param caching the node's tracking state
     */
    static void register(CommandRegistry registry, ClientSideCaching caching) {
        TrackingCommands commands = new TrackingCommands(caching);
        registry.register("client|tracking", commands::tracking);
        registry.register("client|caching", commands::cachingCommand);
        registry.register("client|getredir", ctx -> {
            SessionTracking state = caching.stateOf(ctx.session());
            return Reply.integer(state != null && state.enabled() ? state.redirectId() : -1);
        });
        registry.register("client|trackinginfo", ctx -> info(caching.stateOf(ctx.session())));
    }

    private Reply tracking(CommandContext ctx) {
        TrackingOptions options = parse(ctx);
        if (!options.on()) {
            SessionTracking state = caching.stateOf(ctx.session());
            if (state != null) {
                state.disable();
            }
            return Reply.ok();
        }
        SessionTracking current = caching.stateOf(ctx.session());
        boolean tracking = current != null && current.enabled();
        if (!options.broadcast() && !options.prefixes().isEmpty()) {
            throw new CommandException("ERR PREFIX option requires BCAST mode to be enabled");
        }
        if (tracking && current.broadcasting() != options.broadcast()) {
            throw new CommandException("ERR You can't switch BCAST mode on/off before disabling tracking for this"
                    + " client, and then re-enabling it with a different mode.");
        }
        if (options.broadcast() && (options.optIn() || options.optOut())) {
            throw new CommandException("ERR OPTIN and OPTOUT are not compatible with BCAST");
        }
        if (options.optIn() && options.optOut()) {
            throw new CommandException("ERR You can't specify both OPTIN mode and OPTOUT mode");
        }
        if (tracking && ((options.optIn() && current.optOut()) || (options.optOut() && current.optIn()))) {
            throw new CommandException("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this"
                    + " client, and then re-enabling it with a different mode.");
        }
        if (options.broadcast()) {
            checkPrefixes(options.prefixes(), tracking ? List.copyOf(current.prefixes()) : List.of());
        }
        caching.attach(ctx.session()).enable(options);
        return Reply.ok();
    }

    private static TrackingOptions parse(CommandContext ctx) {
        boolean on;
        long redirect = 0;
        boolean broadcast = false;
        boolean optIn = false;
        boolean optOut = false;
        boolean noLoop = false;
        List<Bytes> prefixes = new ArrayList<>();
        for (int i = 3; i < ctx.argc(); i++) {
            boolean more = i < ctx.argc() - 1;
            if (ctx.argIs(i, "REDIRECT") && more) {
                i++;
                if (redirect != 0) {
                    throw new CommandException("ERR A client can only redirect to a single other client");
                }
                redirect = ctx.longArg(i);
                if (ctx.node().clients().find(redirect).isEmpty()) {
                    throw new CommandException("ERR The client ID you want redirect to does not exist");
                }
            } else if (ctx.argIs(i, "BCAST")) {
                broadcast = true;
            } else if (ctx.argIs(i, "OPTIN")) {
                optIn = true;
            } else if (ctx.argIs(i, "OPTOUT")) {
                optOut = true;
            } else if (ctx.argIs(i, "NOLOOP")) {
                noLoop = true;
            } else if (ctx.argIs(i, "PREFIX") && more) {
                prefixes.add(Bytes.of(ctx.arg(++i)));
            } else {
                throw CommandException.syntaxError();
            }
        }
        if (ctx.argIs(2, "ON")) {
            on = true;
        } else if (ctx.argIs(2, "OFF")) {
            on = false;
        } else {
            throw CommandException.syntaxError();
        }
        return new TrackingOptions(on, redirect, broadcast, optIn, optOut, noLoop, prefixes);
    }

    /** Redis's {@code checkPrefixCollisionsOrReply}: each new prefix against the existing ones, then the later new. */
    private static void checkPrefixes(List<Bytes> added, List<Bytes> existing) {
        for (int i = 0; i < added.size(); i++) {
            Bytes prefix = added.get(i);
            for (Bytes old : existing) {
                if (overlap(prefix, old)) {
                    throw new CommandException("ERR Prefix '" + text(prefix) + "' overlaps with an existing prefix '"
                            + text(old) + OVERLAP_TAIL);
                }
            }
            for (int j = i + 1; j < added.size(); j++) {
                if (overlap(prefix, added.get(j))) {
                    throw new CommandException("ERR Prefix '" + text(prefix) + "' overlaps with another provided"
                            + " prefix '" + text(added.get(j)) + OVERLAP_TAIL);
                }
            }
        }
    }

    private static boolean overlap(Bytes a, Bytes b) {
        return BroadcastTable.startsWith(a.toByteArray(), b.toByteArray())
                || BroadcastTable.startsWith(b.toByteArray(), a.toByteArray());
    }

    private static String text(Bytes bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private Reply cachingCommand(CommandContext ctx) {
        SessionTracking state = caching.stateOf(ctx.session());
        if (state == null || !state.enabled()) {
            throw new CommandException("ERR CLIENT CACHING can be called only when the client is in tracking mode with"
                    + " OPTIN or OPTOUT mode enabled");
        }
        if (ctx.argIs(2, "YES")) {
            if (!state.optIn()) {
                throw new CommandException(
                        "ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
            }
        } else if (ctx.argIs(2, "NO")) {
            if (!state.optOut()) {
                throw new CommandException(
                        "ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
            }
        } else {
            throw CommandException.syntaxError();
        }
        state.setCaching(true);
        return Reply.ok();
    }

    private static Reply info(SessionTracking state) {
        List<Reply> flags = new ArrayList<>();
        List<Reply> prefixes = new ArrayList<>();
        long redirect = -1;
        if (state == null || !state.enabled()) {
            flags.add(Reply.bulk("off"));
        } else {
            flags.add(Reply.bulk("on"));
            if (state.broadcasting()) {
                flags.add(Reply.bulk("bcast"));
            }
            if (state.optIn()) {
                flags.add(Reply.bulk("optin"));
                if (state.caching()) {
                    flags.add(Reply.bulk("caching-yes"));
                }
            }
            if (state.optOut()) {
                flags.add(Reply.bulk("optout"));
                if (state.caching()) {
                    flags.add(Reply.bulk("caching-no"));
                }
            }
            if (state.noLoop()) {
                flags.add(Reply.bulk("noloop"));
            }
            if (state.redirectBroken()) {
                flags.add(Reply.bulk("broken_redirect"));
            }
            redirect = state.redirectId();
            state.prefixes().forEach(prefix -> prefixes.add(Reply.bulk(prefix.toByteArray())));
        }
        return Reply.map(
                Reply.entry(Reply.bulk("flags"), Reply.set(flags.toArray(Reply[]::new))),
                Reply.entry(Reply.bulk("redirect"), Reply.integer(redirect)),
                Reply.entry(Reply.bulk("prefixes"), Reply.array(prefixes.toArray(Reply[]::new))));
    }
}
