package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;

/**
 * The options of ZADD (and of ZINCRBY, which is ZADD with INCR), parsed and checked as Redis 7.0 does.
 *
 * @param nx only add new members
 * @param xx only update existing members
 * @param gt only update to a greater score
 * @param lt only update to a lower score
 * @param ch count updated members too
 * @param incr add the score to the current one and answer the result
 * @param firstScore the index of the first score argument
 */
record ZAddOptions(boolean nx, boolean xx, boolean gt, boolean lt, boolean ch, boolean incr, int firstScore) {

    /**
     * Parses the options from argument 2 on: the first argument that is not an option starts the score-member pairs.
     *
     * @param incrCommand whether INCR is implied (ZINCRBY)
     * @throws CommandException for an odd or empty list of pairs ({@code ERR syntax error}), incompatible options, or
     *     INCR with more than one pair
     */
    static ZAddOptions parse(CommandContext ctx, boolean incrCommand) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        boolean ch = false;
        boolean incr = incrCommand;
        int index = 2;
        for (; index < ctx.argc(); index++) {
            if (ctx.argIs(index, "nx")) {
                nx = true;
            } else if (ctx.argIs(index, "xx")) {
                xx = true;
            } else if (ctx.argIs(index, "ch")) {
                ch = true;
            } else if (ctx.argIs(index, "incr")) {
                incr = true;
            } else if (ctx.argIs(index, "gt")) {
                gt = true;
            } else if (ctx.argIs(index, "lt")) {
                lt = true;
            } else {
                break;
            }
        }
        int elements = ctx.argc() - index;
        if (elements == 0 || elements % 2 != 0) {
            throw CommandException.syntaxError();
        }
        if (nx && xx) {
            throw new CommandException("ERR XX and NX options at the same time are not compatible");
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new CommandException("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        if (incr && elements > 2) {
            throw new CommandException("ERR INCR option supports a single increment-element pair");
        }
        return new ZAddOptions(nx, xx, gt, lt, ch, incr, index);
    }
}
