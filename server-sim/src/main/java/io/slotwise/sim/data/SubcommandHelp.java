package io.slotwise.sim.data;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** The reply of a container's HELP subcommand, laid out as Redis's {@code addReplyHelp}. Stateless. */
final class SubcommandHelp {
    private SubcommandHelp() {}

    /**
     * Builds the help: a header naming the command, the given lines, then HELP itself, as status lines.
     *
     * @param command the container in upper case, for example {@code OBJECT}
     * @param lines the subcommand lines, descriptions indented by four spaces
     */
    static Reply of(String command, String... lines) {
        List<Reply> replies = new ArrayList<>(lines.length + 3);
        replies.add(Reply.simple(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
        for (String line : lines) {
            replies.add(Reply.simple(line));
        }
        replies.add(Reply.simple("HELP"));
        replies.add(Reply.simple("    Prints this help."));
        return new Reply.Array(replies);
    }
}
