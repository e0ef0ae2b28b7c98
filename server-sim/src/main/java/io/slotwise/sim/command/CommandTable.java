package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's command table: every command it knows, with its arity, flags and key positions, loaded from the
 * {@code commands.txt} resource beside this class. Resolves an invocation to its command or subcommand, or to the
 * error Redis 7.0 gives for an unknown command, an unknown subcommand or a wrong number of arguments.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CommandTable {

    private static final String RESOURCE = "commands.txt";
    private static final int ERROR_ARGS_PREVIEW = 128;

    private final Map<String, CommandSpec> commands;

    private CommandTable(Map<String, CommandSpec> commands) {
        this.commands = Collections.unmodifiableMap(commands);
    }

    /**
     * Loads the table of Redis 7.0 commands bundled with the simulator.
     *
     * @return the table
     * @throws IllegalStateException if the resource is missing or malformed
     */
    public static CommandTable redis70() {
        try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("command table resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read command table resource " + RESOURCE, e);
        }
    }

    static CommandTable parse(BufferedReader reader) throws IOException {
        Map<String, CommandSpec> top = new LinkedHashMap<>();
        Map<String, Map<String, CommandSpec>> subs = new LinkedHashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            CommandSpec spec = parseLine(line, lineNumber);
            int bar = spec.name().indexOf('|');
            if (bar < 0) {
                top.put(spec.name(), spec);
            } else {
                subs.computeIfAbsent(spec.name().substring(0, bar), c -> new LinkedHashMap<>())
                        .put(spec.name().substring(bar + 1), spec);
            }
        }
        subs.forEach((container, children) -> {
            CommandSpec parent = top.get(container);
            if (parent == null) {
                throw new IllegalStateException("subcommands of unknown command " + container);
            }
            top.put(
                    container,
                    new CommandSpec(
                            parent.name(),
                            parent.arity(),
                            parent.flags(),
                            parent.firstKey(),
                            parent.lastKey(),
                            parent.keyStep(),
                            parent.aclCategories(),
                            parent.keyFinder(),
                            children));
        });
        return new CommandTable(top);
    }

    private static CommandSpec parseLine(String line, int lineNumber) {
        String[] fields = line.split(" ");
        if (fields.length != 7) {
            throw new IllegalStateException(
                    "command table line " + lineNumber + ": expected 7 fields, got " + fields.length + ": " + line);
        }
        try {
            String name = fields[0];
            Set<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
            if (!fields[2].equals("-")) {
                for (String flag : fields[2].split(",")) {
                    flags.add(CommandFlag.ofWireName(flag));
                }
            }
            int first = Integer.parseInt(fields[3]);
            int last = Integer.parseInt(fields[4]);
            int step = Integer.parseInt(fields[5]);
            List<String> acl = fields[6].equals("-") ? List.of() : Arrays.asList(fields[6].split(","));
            KeyFinder finder = flags.contains(CommandFlag.MOVABLEKEYS)
                    ? MovableKeyFinders.BY_COMMAND.getOrDefault(name, KeyFinder.range(first, last, step))
                    : KeyFinder.range(first, last, step);
            return new CommandSpec(name, Integer.parseInt(fields[1]), flags, first, last, step, acl, finder, Map.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("command table line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves an invocation to its command, or to Redis's error for it.
     *
     * @param args the whole command, name first; at least one argument
     * @return the resolved command or subcommand, or the error
     */
    public Resolution resolve(List<byte[]> args) {
        String name = lowerAscii(args.get(0));
        CommandSpec spec = commands.get(name);
        if (spec == null) {
            return Resolution.rejected(unknownCommand(args), null);
        }
        if (spec.isContainer() && args.size() >= 2) {
            String sub = lowerAscii(args.get(1));
            CommandSpec child = spec.subcommands().get(sub);
            if (child == null) {
                return Resolution.rejected(
                        "ERR unknown subcommand '" + truncate(ascii(args.get(1))) + "'. Try "
                                + name.toUpperCase(Locale.ROOT) + " HELP.",
                        null);
            }
            spec = child;
        }
        if (!spec.acceptsArgumentCount(args.size())) {
            return Resolution.rejected("ERR wrong number of arguments for '" + spec.name() + "' command", spec);
        }
        return new Resolution.Found(spec);
    }

    /**
     * Looks up a top-level command by name.
     *
     * @param name the command name, any case
     * @return the command, or {@code null} if unknown
     */
    public CommandSpec command(String name) {
        return commands.get(name.toLowerCase(Locale.ROOT));
    }

    /** All top-level commands, in table order. */
    public Collection<CommandSpec> commands() {
        return commands.values();
    }

    private static String unknownCommand(List<byte[]> args) {
        StringBuilder preview = new StringBuilder();
        for (int i = 1; i < args.size() && preview.length() < ERROR_ARGS_PREVIEW; i++) {
            String arg = ascii(args.get(i));
            int room = ERROR_ARGS_PREVIEW - preview.length();
            preview.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        return "ERR unknown command '" + truncate(ascii(args.get(0))) + "', with args beginning with: " + preview;
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_ARGS_PREVIEW ? text : text.substring(0, ERROR_ARGS_PREVIEW);
    }

    private static String lowerAscii(byte[] bytes) {
        return ascii(bytes).toLowerCase(Locale.ROOT);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The outcome of resolving an invocation against the table. */
    public sealed interface Resolution {

        /**
         * The invocation names a known command (or subcommand) with an acceptable number of arguments.
         *
         * @param spec the command or subcommand
         */
        record Found(CommandSpec spec) implements Resolution {}

        /**
         * The invocation is rejected before execution.
         *
         * @param error Redis's error, quoting the client's bytes unchanged (CR and LF become spaces)
         * @param command the command refused for its number of arguments (its {@code rejected_calls} count), or null
         *     for an unknown command or subcommand
         */
        record Rejected(Reply.SimpleError error, CommandSpec command) implements Resolution {}

        /** Rejects with a text in which each character stands for one byte of the request (ISO-8859-1). */
        private static Rejected rejected(String latin1Text, CommandSpec command) {
            return new Rejected(CommandException.errorReply(latin1Text, true), command);
        }
    }
}
