package io.slotwise.sim.command;

import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.server.ClientSession;
import java.util.List;
import java.util.Optional;

/**
 * Whether a client's user may run a command, as Redis's ACL check decides it for the simulator's all-or-nothing users:
 * commands flagged {@code no_auth} are always allowed; otherwise the user needs {@code +@all}, and for a command with
 * key arguments {@code ~*}.
 */
final class AclPermissions {
    private AclPermissions() {}

    /**
     * Returns why the client's user may not run the command, or empty if it may.
     *
     * @param users the node's users
     * @param config the node's configuration
     * @param session the client
     * @param invocation the command
     * @return Redis's NOPERM reason without the code
     */
    static Optional<String> denial(AclUsers users, SimNodeConfig config, ClientSession session, Invocation invocation) {
        String name = session.controls().user();
        if (name.equals("default") || invocation.spec().has(CommandFlag.NO_AUTH)) {
            return Optional.empty();
        }
        AclUser user = users.find(name, config).orElse(null);
        if (user == null || !user.allCommands()) {
            return Optional.of("this user has no permissions to run the '"
                    + invocation.spec().name() + "' command");
        }
        if (!user.allKeys() && keyIndexes(invocation).length > 0) {
            return Optional.of("this user has no permissions to access one of the keys used as arguments");
        }
        return Optional.empty();
    }

    /**
     * What ACL DRYRUN answers: empty if allowed, else the reason as Redis words it for DRYRUN.
     *
     * @param user the user
     * @param invocation the command
     * @return the reason, or empty
     */
    static Optional<String> dryRun(AclUser user, Invocation invocation) {
        if (invocation.spec().has(CommandFlag.NO_AUTH)) {
            return Optional.empty();
        }
        if (!user.allCommands()) {
            return Optional.of("This user has no permissions to run the '"
                    + invocation.spec().name() + "' command");
        }
        int[] keys = keyIndexes(invocation);
        if (!user.allKeys() && keys.length > 0) {
            return Optional.of("This user has no permissions to access the '"
                    + new String(invocation.request().arg(keys[0]), java.nio.charset.StandardCharsets.ISO_8859_1)
                    + "' key");
        }
        return Optional.empty();
    }

    private static int[] keyIndexes(Invocation invocation) {
        CommandSpec spec = invocation.spec();
        if (spec.firstKey() <= 0 && !spec.has(CommandFlag.MOVABLEKEYS)) {
            return new int[0];
        }
        List<byte[]> args = invocation.request().args();
        return spec.keyIndexes(args);
    }
}
