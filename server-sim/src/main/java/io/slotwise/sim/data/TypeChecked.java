package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandHandler;
import io.slotwise.sim.keyspace.WrongTypeException;

/**
 * Adapts a handler that reads typed values from the keyspace: a {@link WrongTypeException} becomes Redis's {@code
 * WRONGTYPE} error reply instead of an internal error. Stateless.
 */
final class TypeChecked {
    private TypeChecked() {}

    /**
     * Wraps a handler.
     *
     * @param handler a handler that may let {@link WrongTypeException} escape
     * @return a handler that answers {@code WRONGTYPE Operation against a key holding the wrong kind of value} instead
     */
    static CommandHandler handler(CommandHandler handler) {
        return ctx -> {
            try {
                return handler.handle(ctx);
            } catch (WrongTypeException e) {
                throw new CommandException(WrongTypeException.MESSAGE);
            }
        };
    }
}
