package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.concurrent.ThreadLocalRandom;

/**
 * LOLWUT [VERSION v] [params]: for any version but 5 and 6, Redis 7.0's {@code Redis ver. 7.0.15} line; versions 5
 * and 6 draw a random picture of the simulator's own (Redis's are random too) above the caption Redis prints, at most
 * 1000 by 1000 characters.
 */
final class LolwutCommand {
    private LolwutCommand() {}

    /**
     * Registers the command.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("lolwut", LolwutCommand::lolwut);
    }

    private static Reply lolwut(CommandContext ctx) {
        long version = 7;
        int next = 1;
        if (ctx.argc() >= 3 && ctx.argIs(1, "VERSION")) {
            version = ctx.longArg(2);
            next = 3;
        }
        String signature = "Redis ver. " + ServerCommands.REDIS_VERSION + "\n";
        if (version == 5) {
            int columns = (int) dimension(ctx, next, 66);
            int rows = (int) dimension(ctx, next + 2, 12) * 2;
            return Reply.verbatimText(
                    braille(columns, rows) + "\nGeorg Nees - schotter, plotter on paper, 1968. " + signature);
        }
        if (version == 6) {
            int columns = (int) dimension(ctx, next, 80);
            int rows = (int) dimension(ctx, next + 1, 20);
            return Reply.verbatimText(blocks(columns, rows)
                    + "\nDedicated to the 8 bit game developers of past and present.\n"
                    + "Original 8 bit image from Plaguemon by hikikomori. " + signature);
        }
        return Reply.verbatimText(signature);
    }

    private static long dimension(CommandContext ctx, int index, long fallback) {
        if (index >= ctx.argc()) {
            return fallback;
        }
        return Math.max(1, Math.min(1000, ctx.longArg(index)));
    }

    /** Random Braille dots, denser towards the bottom, like a pile of scattered squares. */
    private static String braille(int columns, int rows) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int dots = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if (random.nextInt(rows + 1) <= row) {
                        dots |= 1 << bit;
                    }
                }
                out.appendCodePoint(0x2800 + dots);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Random grey-scale blocks drawn with ANSI background colours. */
    private static String blocks(int columns, int rows) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                out.append("\033[48;5;").append(232 + random.nextInt(24)).append("m \033[0m");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
