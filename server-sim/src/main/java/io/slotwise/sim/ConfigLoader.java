package io.slotwise.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a configuration as redis-server does: a redis.conf file ({@code directive arg...} lines, {@code #} comments,
 * quoted arguments) and then {@code --directive value...} options, which override the file. Used on one thread.
 */
final class ConfigLoader {
    private final Map<ConfigDirective, String> values = new EnumMap<>(ConfigDirective.class);

    private ConfigLoader() {}

    /**
     * Loads a command line: an optional config file first, then options.
     *
     * @param commandLine the arguments, as redis-server takes them
     * @return the configuration
     * @throws ConfigException if the file cannot be read or a directive is unknown or has a bad value
     */
    static SimNodeConfig fromCommandLine(List<String> commandLine) throws ConfigException {
        int first = 0;
        Path file = null;
        if (!commandLine.isEmpty() && !commandLine.get(0).startsWith("--")) {
            file = Path.of(commandLine.get(0)).toAbsolutePath().normalize();
            first = 1;
        }
        ConfigLoader loader = new ConfigLoader();
        if (file != null) {
            loader.readFile(file);
        }
        loader.readOptions(commandLine.subList(first, commandLine.size()));
        return SimNodeConfig.defaults().withAll(loader.values, file);
    }

    /**
     * Loads redis.conf text without a file behind it (CONFIG REWRITE is then unavailable).
     *
     * @param text the configuration
     * @return the configuration
     * @throws ConfigException if a directive is unknown or has a bad value
     */
    static SimNodeConfig fromText(String text) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        loader.readLines(text.split("\n", -1));
        return SimNodeConfig.defaults().withAll(loader.values, null);
    }

    private void readFile(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Fatal error, can't open config file '" + file + "': No such file or directory");
        } catch (IOException e) {
            throw new ConfigException("Fatal error, can't open config file '" + file + "': " + e.getMessage());
        }
        readLines(text.split("\n", -1));
    }

    private void readLines(String[] lines) throws ConfigException {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String location = "Reading the configuration file, at line " + (i + 1);
            Optional<List<String>> args = ConfigLineSplitter.split(line);
            if (args.isEmpty()) {
                throw new ConfigException(location, line, "Unbalanced quotes in configuration line");
            }
            if (!args.get().isEmpty()) {
                apply(args.get(), location, line);
            }
        }
    }

    private void readOptions(List<String> options) throws ConfigException {
        List<String> current = null;
        int optionNumber = 0;
        for (String arg : options) {
            if (arg.startsWith("--") && arg.length() > 2) {
                flush(current, optionNumber);
                current = new ArrayList<>();
                current.add(arg.substring(2));
                optionNumber++;
            } else if (current == null) {
                throw new ConfigException("Invalid argument '" + arg + "': options take the form --directive value");
            } else {
                current.add(arg);
            }
        }
        flush(current, optionNumber);
    }

    private void flush(List<String> option, int optionNumber) throws ConfigException {
        if (option != null) {
            apply(option, "Reading the command line, at option " + optionNumber, quoted(option));
        }
    }

    private void apply(List<String> args, String location, String line) throws ConfigException {
        String name = args.get(0).toLowerCase(Locale.ROOT);
        Optional<ConfigDirective> directive = ConfigDirective.byName(name);
        if (directive.isEmpty()) {
            throw new ConfigException(location, line, "Bad directive or wrong number of arguments");
        }
        String shown = directive.get().sensitive() ? name + " (redacted)" : line;
        try {
            values.put(directive.get(), directive.get().parse(args.subList(1, args.size())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(location, shown, e.getMessage());
        }
    }

    /** Shows an option as Redis shows a command-line option: the name, then each argument in double quotes. */
    private static String quoted(List<String> option) {
        StringBuilder line = new StringBuilder(option.get(0));
        for (String arg : option.subList(1, option.size())) {
            line.append(" \"").append(arg).append('"');
        }
        return line.toString();
    }
}
