package io.slotwise.command;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a command name such as {@code "GET"} or {@code " SCRIPT  LOAD "} into its argument words and the name users
 * see: the name is trimmed, split at runs of spaces, each word becomes one UTF-8 argument, and the words are joined
 * by single spaces. A one-word name, the usual case, costs no parsing beyond one scan. Stateless and thread-safe.
 */
final class CommandWords {

    private CommandWords() {}

    /**
     * Appends the name's words to {@code args} and returns the normalised name.
     *
     * @param name the command word(s), never {@code null}
     * @param args receives one argument per word
     * @return the words joined by single spaces, for example {@code "SCRIPT LOAD"}
     * @throws IllegalArgumentException if the name is blank
     */
    static String split(String name, List<byte[]> args) {
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A command needs a name");
        }
        if (trimmed.indexOf(' ') < 0) {
            args.add(trimmed.getBytes(StandardCharsets.UTF_8));
            return trimmed;
        }
        StringBuilder joined = new StringBuilder(trimmed.length());
        int start = 0;
        while (start < trimmed.length()) {
            int end = trimmed.indexOf(' ', start);
            if (end < 0) {
                end = trimmed.length();
            }
            if (end > start) {
                String word = trimmed.substring(start, end);
                args.add(word.getBytes(StandardCharsets.UTF_8));
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(word);
            }
            start = end + 1;
        }
        return joined.toString();
    }
}
