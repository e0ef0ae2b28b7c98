package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SCRIPT KILL, FUNCTION KILL and the {@code running_script} of FUNCTION STATS, with Redis 7.0's answers. Both KILL
 * commands have the {@code allow_busy} flag, so they reach a node only once its script has passed {@code
 * busy-reply-threshold} (before that they wait like every other command). Confined to the node's event loop.
 */
final class ScriptKill {
    private static final String NOT_BUSY = "NOTBUSY No scripts in execution right now.";
    private static final String UNKILLABLE = "UNKILLABLE Sorry the script already executed write commands against the"
            + " dataset. You can either wait the script termination or kill the server in a hard way using the"
            + " SHUTDOWN NOSAVE command.";
    private static final String BUSY_EVAL =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    private static final String BUSY_FUNCTION =
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

    private ScriptKill() {}

    /**
     * Kills the running script, checked in Redis's order: nothing runs, it wrote, it is of the other kind.
     *
     * @param engine the node's scripting
     * @param eval true for SCRIPT KILL, false for FUNCTION KILL
     * @return {@code +OK}; the script's caller gets {@code ERR Script killed by user with SCRIPT KILL...}
     * @throws CommandException NOTBUSY, UNKILLABLE or BUSY
     */
    static Reply kill(ScriptEngine engine, boolean eval) {
        ScriptRun run = engine.current();
        if (run == null || run.ctx.inTransaction()) {
            throw new CommandException(NOT_BUSY);
        }
        if (run.wrote) {
            throw new CommandException(UNKILLABLE);
        }
        if (eval != run.eval()) {
            throw new CommandException(eval ? BUSY_FUNCTION : BUSY_EVAL);
        }
        run.kill();
        return Reply.ok();
    }

    /**
     * FUNCTION STATS's {@code running_script}: null, or the function's name, its FCALL and how long it has run.
     *
     * @param engine the node's scripting
     * @return the value
     * @throws CommandException BUSY while an EVAL script runs, as Redis answers
     */
    static Reply runningScript(ScriptEngine engine) {
        ScriptRun run = engine.current();
        if (run == null || run.ctx.inTransaction()) {
            return Reply.nullBulk();
        }
        if (run.eval()) {
            throw new CommandException(BUSY_EVAL);
        }
        CommandContext call = run.ctx;
        List<Reply> command = new ArrayList<>(call.argc());
        for (int i = 0; i < call.argc(); i++) {
            command.add(Reply.bulk(call.arg(i)));
        }
        return Reply.map(
                Reply.entry(Reply.bulk("name"), Reply.bulk(run.name)),
                Reply.entry(Reply.bulk("command"), new Reply.Array(command)),
                Reply.entry(Reply.bulk("duration_ms"), Reply.integer(System.currentTimeMillis() - run.startedMillis)));
    }
}
