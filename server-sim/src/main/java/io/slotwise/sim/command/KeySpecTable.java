package io.slotwise.sim.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key specifications of Redis 7.0's commands (where each key argument is and what the command does with it), read
 * from the {@code keyspecs.txt} resource beside this class. Used by COMMAND GETKEYSANDFLAGS. Immutable and
 * thread-safe once loaded.
 */
final class KeySpecTable {
    private static final String RESOURCE = "keyspecs.txt";
    private static final KeySpecTable INSTANCE = load();

    private final Map<String, List<KeySpec>> byCommand;

    private KeySpecTable(Map<String, List<KeySpec>> byCommand) {
        this.byCommand = Map.copyOf(byCommand);
    }

    /** Returns the table of the bundled resource. */
    static KeySpecTable standard() {
        return INSTANCE;
    }

    /**
     * Returns the key specs of a command.
     *
     * @param fullName lower-case name, {@code container|sub} for a subcommand
     * @return the specs in Redis's order; empty if the command has none
     */
    List<KeySpec> specs(String fullName) {
        return byCommand.getOrDefault(fullName, List.of());
    }

    /**
     * One key spec.
     *
     * @param flags the flags as COMMAND prints them ({@code RW}, {@code access}, ...)
     * @param keyword the keyword that starts the search, or null to start at an index
     * @param start the index to start at, or for a keyword where to look for it from (negative: from the end)
     * @param keyNumIndex for a key count: its position after the start, or -1 for a range
     * @param first for a key count: the first key's position after the start
     * @param last for a range: the last key relative to the start, or negative from the end
     * @param step the distance between keys
     * @param limit for a range ending at -1: take 1/limit of the remaining arguments, 0 for all
     * @param known both the search start and the key finding are specified
     */
    record KeySpec(
            List<String> flags,
            String keyword,
            int start,
            int keyNumIndex,
            int first,
            int last,
            int step,
            int limit,
            boolean known) {

        /** Whether Redis cannot rely on this spec alone. */
        boolean incomplete() {
            return !known || flags.contains("incomplete");
        }
    }

    private static KeySpecTable load() {
        Map<String, List<KeySpec>> byCommand = new HashMap<>();
        try (InputStream in = KeySpecTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                List<KeySpec> specs = new ArrayList<>(fields.length - 1);
                for (int i = 1; i < fields.length; i++) {
                    specs.add(parse(fields[i]));
                }
                byCommand.put(fields[0].toLowerCase(Locale.ROOT), List.copyOf(specs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KeySpecTable(byCommand);
    }

    private static KeySpec parse(String text) {
        String[] parts = text.split(";");
        List<String> flags = List.of(parts[0].split(","));
        String[] begin = parts[1].split(":");
        String[] find = parts[2].split(":");
        boolean known = !begin[0].equals("unknown") && !find[0].equals("unknown");
        String keyword = begin[0].equals("keyword") ? begin[1] : null;
        int start = begin[0].equals("index")
                ? Integer.parseInt(begin[1])
                : keyword != null ? Integer.parseInt(begin[2]) : 0;
        if (find[0].equals("keynum")) {
            return new KeySpec(
                    flags,
                    keyword,
                    start,
                    Integer.parseInt(find[1]),
                    Integer.parseInt(find[2]),
                    0,
                    Integer.parseInt(find[3]),
                    0,
                    known);
        }
        if (find[0].equals("range")) {
            return new KeySpec(
                    flags,
                    keyword,
                    start,
                    -1,
                    0,
                    Integer.parseInt(find[1]),
                    Integer.parseInt(find[2]),
                    Integer.parseInt(find[3]),
                    known);
        }
        return new KeySpec(flags, keyword, start, -1, 0, 0, 1, 0, known);
    }
}
