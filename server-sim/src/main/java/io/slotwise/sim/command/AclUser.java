package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One ACL user of the simulator: enabled or not, its passwords (kept only as SHA-256 hex digests, as Redis keeps
 * them), and all-or-nothing access to commands, keys and channels. ACL SETUSER's modifiers for that subset are
 * supported: {@code on}, {@code off}, {@code >password}, {@code <password}, {@code #hash}, {@code !hash}, {@code
 * nopass}, {@code resetpass}, {@code ~*}, {@code allkeys}, {@code resetkeys}, {@code &*}, {@code allchannels}, {@code
 * resetchannels}, {@code +@all}, {@code allcommands}, {@code -@all}, {@code nocommands} and {@code reset}.
 *
 * <p>Mutable; used on the node's event loop only. {@link #toString()} never shows password digests.
 */
final class AclUser {
    private final String name;
    private boolean enabled;
    private boolean noPass;
    private boolean sanitizePayload;
    private final Set<String> passwordHashes = new LinkedHashSet<>();
    private boolean allKeys;
    private boolean allChannels;
    private boolean allCommands;

    /** Creates a new user as ACL SETUSER does: off, no password, no keys, channels or commands. */
    AclUser(String name) {
        this.name = name;
    }

    /** Returns an independent copy, for applying modifiers all or nothing. */
    AclUser copy() {
        AclUser copy = new AclUser(name);
        copy.enabled = enabled;
        copy.noPass = noPass;
        copy.sanitizePayload = sanitizePayload;
        copy.passwordHashes.addAll(passwordHashes);
        copy.allKeys = allKeys;
        copy.allChannels = allChannels;
        copy.allCommands = allCommands;
        return copy;
    }

    /** Returns the default user of a node: on, all access, with {@code requirepass} as its password if set. */
    static AclUser defaultUser(String requirePass) {
        AclUser user = new AclUser("default");
        user.enabled = true;
        user.allKeys = true;
        user.allChannels = true;
        user.allCommands = true;
        if (requirePass.isEmpty()) {
            user.noPass = true;
        } else {
            user.passwordHashes.add(sha256(requirePass.getBytes(StandardCharsets.UTF_8)));
        }
        return user;
    }

    String name() {
        return name;
    }

    boolean enabled() {
        return enabled;
    }

    boolean allKeys() {
        return allKeys;
    }

    boolean allCommands() {
        return allCommands;
    }

    /** Whether the password opens this user (any does with {@code nopass}); false while the user is off. */
    boolean accepts(byte[] password) {
        if (!enabled) {
            return false;
        }
        if (noPass) {
            return true;
        }
        byte[] digest = sha256(password).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String hash : passwordHashes) {
            match |= MessageDigest.isEqual(digest, hash.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /**
     * Applies one ACL SETUSER modifier.
     *
     * @param modifier the modifier as sent
     * @throws IllegalArgumentException with Redis's reason (never containing a password) if it is invalid
     * @throws UnsupportedOperationException if Redis would accept it but the simulator does not model it
     */
    void apply(byte[] modifier) {
        String text = new String(modifier, StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!text.isEmpty() && (text.charAt(0) == '>' || text.charAt(0) == '<')) {
            String hash = sha256(java.util.Arrays.copyOfRange(modifier, 1, modifier.length));
            if (text.charAt(0) == '>') {
                passwordHashes.add(hash);
                noPass = false;
            } else if (!passwordHashes.remove(hash)) {
                throw new IllegalArgumentException(
                        "The password you are trying to remove from the user does not exist");
            }
            return;
        }
        if (!text.isEmpty() && (text.charAt(0) == '#' || text.charAt(0) == '!')) {
            String hash = text.substring(1);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("The password hash must be exactly 64 characters and contain only"
                        + " lowercase hexadecimal characters");
            }
            if (text.charAt(0) == '#') {
                passwordHashes.add(hash);
                noPass = false;
            } else if (!passwordHashes.remove(hash)) {
                throw new IllegalArgumentException(
                        "The password you are trying to remove from the user does not exist");
            }
            return;
        }
        switch (lower) {
            case "on" -> enabled = true;
            case "off" -> enabled = false;
            case "nopass" -> {
                noPass = true;
                passwordHashes.clear();
            }
            case "resetpass" -> {
                noPass = false;
                passwordHashes.clear();
            }
            case "~*", "allkeys" -> allKeys = true;
            case "resetkeys" -> allKeys = false;
            case "&*", "allchannels" -> allChannels = true;
            case "resetchannels" -> allChannels = false;
            case "+@all", "allcommands" -> allCommands = true;
            case "-@all", "nocommands" -> allCommands = false;
            case "sanitize-payload" -> sanitizePayload = true;
            case "skip-sanitize-payload" -> sanitizePayload = false;
            case "reset" -> {
                noPass = false;
                passwordHashes.clear();
                allKeys = false;
                allChannels = false;
                allCommands = false;
                enabled = false;
                sanitizePayload = true;
            }
            default -> {
                char first = text.isEmpty() ? ' ' : text.charAt(0);
                if (first == '+' || first == '-' || first == '~' || first == '%' || first == '&' || first == '(') {
                    throw new UnsupportedOperationException();
                }
                throw new IllegalArgumentException("Syntax error");
            }
        }
    }

    /** Returns the user as ACL LIST shows it, password digests included (ACL LIST is an admin command). */
    String describe() {
        StringBuilder line = new StringBuilder("user ").append(name).append(enabled ? " on" : " off");
        if (noPass) {
            line.append(" nopass");
        }
        if (sanitizePayload) {
            line.append(" sanitize-payload");
        }
        passwordHashes.forEach(hash -> line.append(" #").append(hash));
        if (allKeys) {
            line.append(" ~*");
        }
        line.append(allChannels ? " &*" : " resetchannels");
        line.append(allCommands ? " +@all" : " -@all");
        return line.toString();
    }

    List<String> flags() {
        List<String> flags = new java.util.ArrayList<>();
        flags.add(enabled ? "on" : "off");
        if (noPass) {
            flags.add("nopass");
        }
        if (sanitizePayload) {
            flags.add("sanitize-payload");
        }
        return flags;
    }

    Set<String> passwordHashes() {
        return passwordHashes;
    }

    boolean allChannels() {
        return allChannels;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Shows the name and flags, never password digests. */
    @Override
    public String toString() {
        return "AclUser[" + name + ", " + (enabled ? "on" : "off") + "]";
    }
}
