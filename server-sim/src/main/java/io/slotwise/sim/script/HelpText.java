package io.slotwise.sim.script;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** The reply of SCRIPT HELP and FUNCTION HELP, laid out as Redis's {@code addReplyHelp}. Stateless. */
final class HelpText {
    private HelpText() {}

    static Reply reply(String command, String... lines) {
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.simple(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
        for (String line : lines) {
            replies.add(Reply.simple(line));
        }
        replies.add(Reply.simple("HELP"));
        replies.add(Reply.simple("    Prints this help."));
        return new Reply.Array(replies);
    }
}
