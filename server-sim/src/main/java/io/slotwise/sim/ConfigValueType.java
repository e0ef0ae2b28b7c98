package io.slotwise.sim;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the arguments of one configuration directive are validated and written in canonical form (the form CONFIG GET
 * answers and CONFIG REWRITE writes). Rejections carry Redis 7.0's reason text, for example {@code argument must be
 * 'yes' or 'no'}. Implementations are stateless.
 */
interface ConfigValueType {
    String WRONG_ARGUMENT_COUNT = "wrong number of arguments";

    /**
     * Validates arguments.
     *
     * @param args the directive's arguments, without its name
     * @return the canonical value
     * @throws IllegalArgumentException with Redis's reason if the arguments are not acceptable
     */
    String parse(List<String> args);

    /** Whether the canonical value is several space-separated arguments ({@code bind}, {@code save}). */
    default boolean multiWord() {
        return false;
    }

    /** {@code yes} or {@code no}, any case. */
    static ConfigValueType bool() {
        return args -> {
            String value = single(args).toLowerCase(Locale.ROOT);
            if (!value.equals("yes") && !value.equals("no")) {
                throw new IllegalArgumentException("argument must be 'yes' or 'no'");
            }
            return value;
        };
    }

    /** A decimal integer within bounds. */
    static ConfigValueType integer(long min, long max) {
        return args -> {
            long value;
            try {
                value = Long.parseLong(single(args));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument couldn't be parsed into an integer", e);
            }
            return Long.toString(inRange(value, min, max));
        };
    }

    /** A byte count with an optional unit (b, k, kb, m, mb, g, gb; k = 1000, kb = 1024), written back in bytes. */
    static ConfigValueType memory(long min, long max) {
        Pattern syntax = Pattern.compile("([0-9]+)(b|k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);
        return args -> {
            Matcher matcher = syntax.matcher(single(args));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("argument must be a memory value");
            }
            String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
            long multiplier = switch (unit) {
                case "k" -> 1000L;
                case "kb" -> 1024L;
                case "m" -> 1000L * 1000;
                case "mb" -> 1024L * 1024;
                case "g" -> 1000L * 1000 * 1000;
                case "gb" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            try {
                return Long.toString(
                        inRange(Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier), min, max));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("argument must be a memory value", e);
            }
        };
    }

    /** Any single argument, the empty string included. */
    static ConfigValueType string() {
        return ConfigValueType::single;
    }

    /** One of a fixed set of lower-case words, any case. */
    static ConfigValueType oneOf(String... words) {
        List<String> allowed = List.of(words);
        return args -> {
            String value = single(args).toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(
                        "argument(s) must be one of the following: " + String.join(", ", allowed));
            }
            return value;
        };
    }

    /** An existing directory, written back as an absolute normalized path ({@code dir}). */
    static ConfigValueType directory() {
        return args -> {
            try {
                Path path = Path.of(single(args)).toAbsolutePath().normalize();
                if (!Files.isDirectory(path)) {
                    throw new IllegalArgumentException(
                            Files.exists(path) ? "Not a directory" : "No such file or directory");
                }
                return path.toString();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("No such file or directory", e);
            }
        };
    }

    /** One to 16 addresses ({@code bind}). */
    static ConfigValueType addresses() {
        return new MultiWord(args -> {
            if (args.isEmpty()) {
                throw new IllegalArgumentException(WRONG_ARGUMENT_COUNT);
            }
            if (args.size() > 16) {
                throw new IllegalArgumentException("Too many bind addresses specified.");
            }
            return String.join(" ", args);
        });
    }

    /** Pairs of seconds and changes, or one empty argument for none ({@code save}). */
    static ConfigValueType saveParameters() {
        return new MultiWord(args -> {
            if (args.size() == 1 && args.get(0).isEmpty()) {
                return "";
            }
            if (args.isEmpty() || args.size() % 2 != 0) {
                throw new IllegalArgumentException("Invalid save parameters");
            }
            for (String arg : args) {
                if (!arg.matches("[0-9]{1,18}")) {
                    throw new IllegalArgumentException("Invalid save parameters");
                }
            }
            return String.join(" ", args);
        });
    }

    /**
     * Zero or more percentiles between 0 and 100 ({@code latency-tracking-info-percentiles}), or one empty argument for
     * none; written back as C's {@code %f} without trailing zeros ({@code 99.9}, {@code 10}).
     */
    static ConfigValueType percentiles() {
        return new MultiWord(args -> {
            if (args.size() == 1 && args.get(0).isEmpty()) {
                return "";
            }
            StringBuilder canonical = new StringBuilder();
            for (String arg : args) {
                double value;
                try {
                    if (arg.matches("(?i).*[df]") && !arg.matches("(?i)[+-]?0x.*")) {
                        throw new NumberFormatException("Java's float suffix, not C's strtod syntax: " + arg);
                    }
                    value = Double.parseDouble(arg);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid latency-tracking-info-percentiles parameters", e);
                }
                if (!(value >= 0.0 && value <= 100.0)) {
                    throw new IllegalArgumentException(
                            "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
                }
                if (canonical.length() > 0) {
                    canonical.append(' ');
                }
                canonical.append(percentileText(value));
            }
            return canonical.toString();
        });
    }

    /**
     * Formats a percentile as Redis does in CONFIG GET and INFO latencystats: six decimals, then trailing zeros and a
     * trailing point removed ({@code 50}, {@code 99.9}).
     */
    private static String percentileText(double percentile) {
        String text = String.format(Locale.ROOT, "%f", percentile);
        if (text.indexOf('.') >= 0) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }

    private static String single(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(WRONG_ARGUMENT_COUNT);
        }
        return args.get(0);
    }

    private static long inRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("argument must be between " + min + " and " + max + " inclusive");
        }
        return value;
    }

    /** A type whose canonical value is several arguments joined by spaces. */
    record MultiWord(ConfigValueType parser) implements ConfigValueType {
        @Override
        public String parse(List<String> args) {
            return parser.parse(args);
        }

        @Override
        public boolean multiWord() {
            return true;
        }
    }
}
