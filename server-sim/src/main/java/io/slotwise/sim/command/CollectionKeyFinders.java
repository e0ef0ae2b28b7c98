package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Key finders of the movable-key list, set and SORT commands, as Redis 7.0 finds their keys: LMPOP and SINTERCARD
 * ({@code numkeys} at 1), BLMPOP ({@code numkeys} at 2), SORT (the key at 1 and the key after the last STORE) and
 * SORT_RO (the key at 1). A {@code numkeys} below 1 or naming more keys than there are arguments names no key, as
 * Redis then replies with an error of the command itself. Stateless.
 */
final class CollectionKeyFinders {
    private CollectionKeyFinders() {}

    /** LMPOP and SINTERCARD: {@code command numkeys key ...}. */
    static int[] numKeysAtOne(List<byte[]> args) {
        return keysAfterCount(args, 1);
    }

    /** BLMPOP: {@code command timeout numkeys key ...}. */
    static int[] numKeysAtTwo(List<byte[]> args) {
        return keysAfterCount(args, 2);
    }

    /**
     * SORT {@code key [BY p] [LIMIT o c] [GET p ...] [ASC|DESC] [ALPHA] [STORE dest]}: the key, and the destination of
     * the last STORE. Like Redis, skips the argument of BY and GET and the two of LIMIT, so that a pattern spelled
     * {@code store} is not taken for the option.
     */
    static int[] sortKeys(List<byte[]> args) {
        int store = -1;
        for (int i = 2; i < args.size(); i++) {
            String option = new String(args.get(i), StandardCharsets.ISO_8859_1);
            if (option.equalsIgnoreCase("limit")) {
                i += 2;
            } else if (option.equalsIgnoreCase("get") || option.equalsIgnoreCase("by")) {
                i += 1;
            } else if (option.equalsIgnoreCase("store") && i + 1 < args.size()) {
                store = i + 1;
            }
        }
        return store < 0 ? new int[] {1} : new int[] {1, store};
    }

    /** SORT_RO: only the key it sorts. */
    static int[] sortReadOnlyKeys(List<byte[]> args) {
        return new int[] {1};
    }

    private static int[] keysAfterCount(List<byte[]> args, int countIndex) {
        long count = leadingInteger(args.get(countIndex));
        int first = countIndex + 1;
        if (count < 1 || count > args.size() - first) {
            return new int[0];
        }
        int[] indexes = new int[(int) count];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = first + i;
        }
        return indexes;
    }

    /**
     * Reads a number as C's {@code atoi}: leading blanks, a sign, then digits up to the first non-digit; how Redis's
     * getkeys procedures read numkeys once the key specs could not ({@code "2-0"} counts two keys, {@code "~"} none).
     */
    static long leadingInteger(byte[] text) {
        int i = 0;
        while (i < text.length && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) {
            i++;
        }
        boolean negative = i < text.length && text[i] == '-';
        if (i < text.length && (text[i] == '-' || text[i] == '+')) {
            i++;
        }
        long value = 0;
        while (i < text.length && text[i] >= '0' && text[i] <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (text[i++] - '0');
        }
        return negative ? -value : value;
    }
}
