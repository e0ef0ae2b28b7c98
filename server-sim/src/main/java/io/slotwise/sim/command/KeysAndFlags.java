package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the keys of one invocation together with their key-spec flags, as Redis 7.0's COMMAND GETKEYSANDFLAGS does:
 * from the command's key specs when they are complete and their flags fixed; otherwise from the command's own key
 * finder, whose flags Redis hard-codes for SET (OW update, or RW access update with GET), BITFIELD (RO access when it
 * only reads, else RW access update), SORT and SORT_RO (RO access, the STORE destination OW update) and MIGRATE (RW
 * access delete), and leaves empty for the rest. Stateless.
 */
final class KeysAndFlags {
    private static final List<String> RO_ACCESS = List.of("RO", "access");
    private static final List<String> RW_ACCESS_UPDATE = List.of("RW", "access", "update");

    private KeysAndFlags() {}

    /**
     * One key found.
     *
     * @param index its position in the invocation, name at 0
     * @param flags its flags, possibly empty
     */
    record Found(int index, List<String> flags) {}

    /**
     * Finds the keys.
     *
     * @param spec the command, already checked against the invocation's arity
     * @param args the invocation, name first (for a subcommand, the container's name first)
     * @return the keys in Redis's order, possibly empty
     */
    static List<Found> find(CommandSpec spec, List<byte[]> args) {
        List<KeySpecTable.KeySpec> specs = KeySpecTable.standard().specs(spec.name());
        boolean usable = !specs.isEmpty()
                && specs.stream().noneMatch(keySpec -> keySpec.flags().contains("variable_flags"));
        if (usable) {
            List<Found> found = fromSpecs(specs, args);
            if (found != null) {
                return found;
            }
        }
        List<Found> found = new ArrayList<>();
        int[] indexes = spec.keyIndexes(args);
        for (int i = 0; i < indexes.length; i++) {
            found.add(new Found(indexes[i], procedureFlags(spec.name(), args, i)));
        }
        return found;
    }

    /** The flags Redis's own key procedures give; null where they give none. */
    private static List<String> procedureFlags(String command, List<byte[]> args, int position) {
        return switch (command) {
            case "set" -> hasGetOption(args) ? RW_ACCESS_UPDATE : List.of("OW", "update");
            case "bitfield" -> bitfieldOnlyReads(args) ? RO_ACCESS : RW_ACCESS_UPDATE;
            case "sort", "sort_ro" -> position == 0 ? RO_ACCESS : List.of("OW", "update");
            case "migrate" -> List.of("RW", "access", "delete");
            default -> List.of();
        };
    }

    /** Evaluates complete key specs; null if one is invalid for these arguments (Redis then falls back). */
    private static List<Found> fromSpecs(List<KeySpecTable.KeySpec> specs, List<byte[]> args) {
        int argc = args.size();
        List<Found> found = new ArrayList<>();
        for (KeySpecTable.KeySpec keySpec : specs) {
            if (!keySpec.known()) {
                return null;
            }
            int first = keySpec.keyword() == null ? keySpec.start() : keywordEnd(keySpec, args);
            if (first == 0) {
                continue; // keyword not found
            }
            int last;
            int step = keySpec.step();
            if (keySpec.keyNumIndex() >= 0) {
                if (keySpec.keyNumIndex() >= argc || first + keySpec.keyNumIndex() >= argc) {
                    return null;
                }
                Long keys = parseStrict(args.get(first + keySpec.keyNumIndex()));
                if (keys == null || keys < 0 || keys > argc) {
                    return null;
                }
                first += keySpec.first();
                last = first + (int) (long) keys - 1;
            } else if (keySpec.last() >= 0) {
                last = first + keySpec.last();
            } else if (keySpec.limit() == 0) {
                last = argc + keySpec.last();
            } else {
                last = first + ((argc - first) / keySpec.limit() + keySpec.last());
            }
            if (last >= argc || last < first || first >= argc) {
                return null;
            }
            for (int i = first; i <= last; i += step) {
                found.add(new Found(i, keySpec.flags()));
            }
            if (keySpec.incomplete()) {
                return null;
            }
        }
        return found;
    }

    /** The position after the spec's keyword, searched as Redis searches it; 0 if absent. */
    private static int keywordEnd(KeySpecTable.KeySpec keySpec, List<byte[]> args) {
        int argc = args.size();
        int start = keySpec.start() > 0 ? keySpec.start() : argc + keySpec.start();
        int end = keySpec.start() > 0 ? argc - 1 : 1;
        for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
            if (i >= argc || i < 1) {
                break;
            }
            if (new String(args.get(i), StandardCharsets.ISO_8859_1).equalsIgnoreCase(keySpec.keyword())) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean hasGetOption(List<byte[]> args) {
        for (int i = 3; i < args.size(); i++) {
            if (new String(args.get(i), StandardCharsets.ISO_8859_1).equalsIgnoreCase("get")) {
                return true;
            }
        }
        return false;
    }

    private static boolean bitfieldOnlyReads(List<byte[]> args) {
        for (int i = 2; i < args.size(); i++) {
            String option = new String(args.get(i), StandardCharsets.ISO_8859_1);
            int remaining = args.size() - i - 1;
            if (option.equalsIgnoreCase("get") && remaining >= 2) {
                i += 2;
            } else if (option.equalsIgnoreCase("overflow") && remaining >= 1) {
                i += 1;
            } else {
                return false;
            }
        }
        return true;
    }

    private static Long parseStrict(byte[] bytes) {
        var parsed = RedisNumbers.parseLong(bytes);
        return parsed.isPresent() ? parsed.getAsLong() : null;
    }
}
