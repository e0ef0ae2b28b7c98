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
    static final Map<String, KeyFinder> BY_COMMAND = Map.of(
            "eval", MovableKeyFinders::numKeysAtTwo,
            "evalsha", MovableKeyFinders::numKeysAtTwo,
            "migrate", MovableKeyFinders::migrateKeys,
            "georadius", MovableKeyFinders::georadiusKeys,
            "georadiusbymember", MovableKeyFinders::georadiusKeys);

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

    private static long parseLong(byte[] bytes) {
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
