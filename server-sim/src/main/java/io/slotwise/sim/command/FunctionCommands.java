package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.Arrays;

/**
 * FUNCTION LIST, DUMP and RESTORE for a node that never has functions: enough for {@code redis-cli --cluster
 * add-node}, which copies the functions of an existing master to the new node. LIST answers an empty array; DUMP
 * answers the payload Redis 7.0 dumps for no libraries (RDB version 10 and its CRC-64); RESTORE accepts exactly that
 * payload and rejects any other as Redis rejects a corrupt one. Loading functions (FUNCTION LOAD) is not implemented.
 */
public final class FunctionCommands {
    /** What Redis 7.0 answers to FUNCTION DUMP without libraries: version 10 (2 bytes LE) then CRC-64 (8 bytes LE). */
    private static final byte[] EMPTY_PAYLOAD = {
        0x0a, 0x00, 0x5d, (byte) 0x9b, 0x5c, 0x40, 0x0f, 0x7f, (byte) 0xa2, (byte) 0xda
    };

    private FunctionCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("function|list", FunctionCommands::list);
        registry.register("function|dump", ctx -> Reply.bulk(EMPTY_PAYLOAD.clone()));
        registry.register("function|restore", FunctionCommands::restore);
    }

    private static Reply list(CommandContext ctx) {
        boolean withCode = false;
        boolean libraryName = false;
        for (int i = 2; i < ctx.argc(); i++) {
            if (!withCode && ctx.argIs(i, "WITHCODE")) {
                withCode = true;
            } else if (!libraryName && ctx.argIs(i, "LIBRARYNAME")) {
                if (i >= ctx.argc() - 1) {
                    throw new CommandException("ERR library name argument was not given");
                }
                libraryName = true;
                i++;
            } else {
                throw CommandException.echoing("ERR Unknown argument " + ctx.argLatin1(i));
            }
        }
        return Reply.array();
    }

    private static Reply restore(CommandContext ctx) {
        if (ctx.argc() > 4) {
            throw CommandException.syntaxError();
        }
        if (ctx.argc() == 4 && !ctx.argIs(3, "FLUSH") && !ctx.argIs(3, "APPEND") && !ctx.argIs(3, "REPLACE")) {
            throw new CommandException(
                    "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        }
        if (!Arrays.equals(ctx.arg(2), EMPTY_PAYLOAD)) {
            throw new CommandException("ERR DUMP payload version or checksum are wrong");
        }
        return Reply.ok();
    }
}
