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
            Map.entry("sort_ro", CollectionKeyFinders::sortReadOnlyKeys),
            Map.entry("zunion", countedKeys(0, 1)),
            Map.entry("zinter", countedKeys(0, 1)),
            Map.entry("zdiff", countedKeys(0, 1)),
            Map.entry("zintercard", countedKeys(0, 1)),
            Map.entry("zmpop", countedKeys(0, 1)),
            Map.entry("bzmpop", countedKeys(0, 2)),
            Map.entry("zunionstore", countedKeys(1, 2)),
            Map.entry("zinterstore", countedKeys(1, 2)),
            Map.entry("zdiffstore", countedKeys(1, 2)),
            Map.entry("georadius", MovableKeyFinders::georadiusKeys),
            Map.entry("georadiusbymember", MovableKeyFinders::georadiusKeys));

    private MovableKeyFinders() {}

    /** {@code EVAL script numkeys key... arg...}: keys follow numkeys; an invalid numkeys names no key. */
    static int[] numKeysAtTwo(List<byte[]> args) {
        long numKeys = CollectionKeyFinders.leadingInteger(args.get(2));
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
     * Keys counted by a numkeys argument and following it ({@code ZUNION numkeys key...}, {@code ZMPOP}, {@code BZMPOP
     * timeout numkeys key...}), after a destination key for the STORE forms ({@code ZUNIONSTORE dst numkeys key...}).
     * numkeys is read as C's {@code atoi} reads it, as Redis's getkeys procedures do; one that is not positive or
     * counts more keys than there are arguments names no key at all, so the command itself answers its error.
     *
     * @param destinationIndex index of the destination key, 0 if there is none
     * @param numkeysIndex index of numkeys; the keys follow it
     */
    static KeyFinder countedKeys(int destinationIndex, int numkeysIndex) {
        return args -> {
            long numKeys = CollectionKeyFinders.leadingInteger(args.get(numkeysIndex));
            if (numKeys <= 0 || numKeys > args.size() - numkeysIndex - 1) {
                return new int[0];
            }
            int offset = destinationIndex > 0 ? 1 : 0;
            int[] indexes = new int[(int) numKeys + offset];
            if (destinationIndex > 0) {
                indexes[0] = destinationIndex;
            }
            for (int i = 0; i < numKeys; i++) {
                indexes[offset + i] = numkeysIndex + 1 + i;
            }
            return indexes;
        };
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

    /**
     * {@code GEORADIUS key lon lat radius unit ...} and {@code GEORADIUSBYMEMBER key member radius unit ...}: the
     * source key, plus the key after the last STORE or STOREDIST found from argument 5 on (Redis starts there for both
     * commands).
     */
    static int[] georadiusKeys(List<byte[]> args) {
        int stored = -1;
        for (int i = 5; i < args.size(); i++) {
            String option = new String(args.get(i), StandardCharsets.US_ASCII);
            if ((option.equalsIgnoreCase("store") || option.equalsIgnoreCase("storedist")) && i + 1 < args.size()) {
                stored = i + 1;
                i++;
            }
        }
        return stored < 0 ? new int[] {1} : new int[] {1, stored};
    }
}
