package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...]: without arguments (or {@code default}) the default sections, {@code all} and {@code
 * everything} every section, otherwise the named ones (any case) in Redis's order; unknown names are ignored, as in
 * Redis. Answers verbatim text (a bulk string in RESP2). See {@link InfoReport} for the fields.
 */
public final class InfoCommand {
    private InfoCommand() {}

    /**
     * Registers INFO.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("info", InfoCommand::info);
    }

    private static Reply info(CommandContext ctx) {
        Set<String> requested = new LinkedHashSet<>();
        if (ctx.argc() == 1) {
            requested.add("default");
        }
        for (int i = 1; i < ctx.argc(); i++) {
            requested.add(ctx.argString(i).toLowerCase(Locale.ROOT));
        }
        boolean all = requested.contains("all") || requested.contains("everything");
        boolean defaults = requested.contains("default");
        StringBuilder text = new StringBuilder();
        InfoReport.SECTIONS.forEach((section, isDefault) -> {
            if (all || (defaults && isDefault) || requested.contains(section)) {
                if (text.length() > 0) {
                    text.append("\r\n");
                }
                InfoReport.append(
                        section,
                        ctx.node(),
                        ctx.activity(),
                        ctx.dispatcher().loading().isLoading(),
                        text);
            }
        });
        return Reply.verbatimText(text.toString());
    }
}
