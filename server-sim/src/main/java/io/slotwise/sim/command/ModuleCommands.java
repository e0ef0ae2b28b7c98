package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;

/**
 * MODULE for a node that never has modules and refuses to load them, as Redis 7.0 with its default {@code
 * enable-module-command no} does: LIST answers an empty array; LOAD, LOADEX and UNLOAD answer Redis's "not allowed"
 * error.
 */
final class ModuleCommands {
    static final String NOT_ALLOWED = "ERR MODULE command not allowed. If the enable-module-command option is set to"
            + " \"local\", you can run it from a local connection, otherwise you need to set this option in the"
            + " configuration file, and then restart the server.";

    private ModuleCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("module|list", ctx -> Reply.array());
        for (String refused : new String[] {"module|load", "module|loadex", "module|unload"}) {
            registry.register(refused, ctx -> {
                throw new CommandException(NOT_ALLOWED);
            });
        }
        registry.register(
                "module|help",
                ctx -> HelpReply.of(
                        "MODULE",
                        "LIST",
                        "    Return a list of loaded modules.",
                        "LOAD <path> [<arg> ...]",
                        "    Load a module library from <path>, passing to it any optional arguments.",
                        "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
                        "    Load a module library from <path>, while passing it module configurations and optional"
                                + " arguments.",
                        "UNLOAD <name>",
                        "    Unload a module."));
    }
}
