package io.slotwise.sim.command;

import io.slotwise.sim.ConfigDirective;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.protocol.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONFIG GET, SET, RESETSTAT, REWRITE and HELP over the {@link ConfigDirective}s, with Redis 7.0's replies: GET takes
 * several glob patterns (case-insensitive) and answers a map (a flat array in RESP2); SET takes several pairs and
 * applies all or none; REWRITE needs the node to have been started with a config file.
 */
public final class ConfigCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigCommands.class);

    private ConfigCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("config|get", ConfigCommands::get);
        registry.register("config|set", ConfigCommands::set);
        registry.register("config|resetstat", ctx -> {
            ctx.node().stats().reset();
            ctx.activity().commandStats.reset();
            ctx.activity().latencies.reset();
            return Reply.ok();
        });
        registry.register("config|rewrite", ConfigCommands::rewrite);
        registry.register(
                "config|help",
                ctx -> HelpReply.of(
                        "CONFIG",
                        "GET <pattern>",
                        "    Return parameters matching the glob-like <pattern> and their values.",
                        "SET <directive> <value>",
                        "    Set the configuration <directive> to <value>.",
                        "RESETSTAT",
                        "    Reset statistics reported by the INFO command.",
                        "REWRITE",
                        "    Rewrite the configuration file."));
    }

    private static Reply get(CommandContext ctx) {
        // Each name once, ignoring case, answered as first asked for (PORT, or an alias such as lua-time-limit), as
        // Redis does; glob matches answer canonical names and aliases.
        Map<String, Map.Entry<String, ConfigDirective>> matched = new LinkedHashMap<>();
        for (int i = 2; i < ctx.argc(); i++) {
            String asked = ctx.argString(i);
            Optional<ConfigDirective> exact = ConfigDirective.byName(asked);
            if (exact.isPresent()) {
                matched.putIfAbsent(asked.toLowerCase(Locale.ROOT), Map.entry(asked, exact.get()));
                continue;
            }
            GlobPattern pattern = GlobPattern.of(ctx.arg(i), true);
            for (ConfigDirective directive : ConfigDirective.values()) {
                if (pattern.matches(directive.configName())) {
                    matched.putIfAbsent(directive.configName(), Map.entry(directive.configName(), directive));
                }
            }
            ConfigDirective.aliases().forEach((alias, directive) -> {
                if (pattern.matches(alias)) {
                    matched.putIfAbsent(alias, Map.entry(alias, directive));
                }
            });
        }
        SimNodeConfig config = ctx.node().config();
        List<Reply.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, ConfigDirective> name : matched.values()) {
            entries.add(Reply.entry(Reply.bulk(name.getKey()), Reply.bulk(config.get(name.getValue()))));
        }
        return new Reply.Map(entries);
    }

    private static Reply set(CommandContext ctx) {
        if (ctx.argc() % 2 != 0) {
            throw CommandException.syntaxError();
        }
        Map<ConfigDirective, String> values = new EnumMap<>(ConfigDirective.class);
        for (int i = 2; i < ctx.argc(); i += 2) {
            String name = ctx.argLatin1(i);
            ConfigDirective directive = ConfigDirective.byName(name)
                    .orElseThrow(() -> CommandException.echoing(
                            "ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'"));
            if (!directive.mutable()) {
                throw failed(name, "can't set immutable config");
            }
            if (values.put(directive, "") != null) {
                throw failed(name, "duplicate parameter");
            }
        }
        for (int i = 2; i < ctx.argc(); i += 2) {
            String name = ctx.argLatin1(i);
            ConfigDirective directive = ConfigDirective.byName(name).orElseThrow();
            try {
                values.put(directive, directive.parse(directive.argumentsOf(ctx.argString(i + 1))));
            } catch (IllegalArgumentException e) {
                throw failed(name, e.getMessage());
            }
        }
        ctx.node().updateConfig(ctx.node().config().withValues(values));
        return Reply.ok();
    }

    /** Redis names the argument as the client spelled it (an alias stays an alias), in lower case. */
    private static CommandException failed(String name, String reason) {
        return new CommandException("ERR CONFIG SET failed (possibly related to argument '"
                + name.toLowerCase(Locale.ROOT) + "') - " + reason);
    }

    private static Reply rewrite(CommandContext ctx) {
        if (ctx.node().config().configFile().isEmpty()) {
            throw new CommandException("ERR The server is running without a config file");
        }
        try {
            ctx.node().rewriteConfig();
            return Reply.ok();
        } catch (IOException e) {
            LOG.warn("CONFIG REWRITE failed", e);
            throw new CommandException("ERR Rewriting config file: "
                    + String.valueOf(e.getMessage()).replace('\r', ' ').replace('\n', ' '));
        }
    }
}
