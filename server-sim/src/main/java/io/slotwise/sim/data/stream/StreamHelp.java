package io.slotwise.sim.data.stream;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** The reply of XGROUP HELP and XINFO HELP, laid out as Redis's {@code addReplyHelp}. Stateless. */
final class StreamHelp {
    private StreamHelp() {}

    /** Builds the help: a header naming the command, the given lines, then HELP itself, as status lines. */
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
