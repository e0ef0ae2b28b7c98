package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Key finders for the commands whose keys are found by parsing their arguments (Redis flag {@code movablekeys}), as
 * Redis 7.0's getkeys procedures find them.
 */
final class MovableKeyFinders {

    /** The movable-key commands the simulator knows, by lower-case name. */
    static final Map<String, KeyFinder> BY_COMMAND = Map.ofEntries(
            Map.entry("eval", MovableKeyFinders::numKeysAtTwo),
            Map.entry("evalsha", MovableKeyFinders::numKeysAtTwo),
            Map.entry("migrate", MovableKeyFinders::migrateKeys),
            Map.entry("lmpop", CollectionKeyFinders::numKeysAtOne),
            Map.entry("blmpop", CollectionKeyFinders::numKeysAtTwo),
            Map.entry("sintercard", CollectionKeyFinders::numKeysAtOne),
            Map.entry("sort", CollectionKeyFinders::sortKeys),
            Map.entry("sort_ro", CollectionKeyFinders::sortReadOnlyKeys));

    private MovableKeyFinders() {}

    /** {@code EVAL script numkeys key... arg...}: keys follow numkeys; an invalid numkeys names no key. */
    static int[] numKeysAtTwo(List<byte[]> args) {
        long numKeys = parseLong(args.get(2));
        if (numKeys <= 0 || numKeys > args.size() - 3) {
            return new int[0];
        }
        int[] indexes = new int[(int) numKeys];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = 3 + i;
        }
        return indexes;
    }

    /**
     * {@code MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS key...]}: the single
     * key form names argument 3; the KEYS form, used when argument 3 is empty, names everything after KEYS. KEYS with
     * a non-empty argument 3 names no key (Redis 7.0 then serves the call locally, which answers the KEYS error).
     */
    static int[] migrateKeys(List<byte[]> args) {
        int keysFrom = -1;
        for (int i = 6; i < args.size(); i++) {
            String option = new String(args.get(i), StandardCharsets.US_ASCII);
            if (option.equalsIgnoreCase("auth")) {
                i += 1;
            } else if (option.equalsIgnoreCase("auth2")) {
                i += 2;
            } else if (option.equalsIgnoreCase("keys")) {
                if (args.get(3).length != 0) {
                    return new int[0];
                }
                keysFrom = i + 1;
                break;
            }
        }
        if (keysFrom < 0) {
            return new int[] {3};
        }
        int[] indexes = new int[args.size() - keysFrom];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = keysFrom + i;
        }
        return indexes;
    }

    private static long parseLong(byte[] bytes) {
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
