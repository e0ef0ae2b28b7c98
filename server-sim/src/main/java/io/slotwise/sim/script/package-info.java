/**
 * Redis 7.0 scripting on the simulator: EVAL, EVALSHA and their read-only forms, SCRIPT, FUNCTION and FCALL, run by
 * the simulator's own Lua interpreter ({@link io.slotwise.sim.script.lua}). This package holds what is Redis about
 * it: the {@code redis} library scripts call, the conversions between Lua values and replies for RESP2 and RESP3, the
 * checks Redis makes before a script's command runs (unknown command, arity, {@code noscript}, writes from read-only
 * scripts, keys of other slots, writes on a replica) with their error texts, the script cache, the function libraries,
 * and busy scripts (SCRIPT KILL, FUNCTION KILL).
 *
 * <p>Threading, chosen so that a script may run as long as in Redis without stopping the node's event loop (which
 * other nodes and the cluster bus may share): a script's Lua code runs on a script thread of its node ({@link
 * ScriptExecution}), and each of its {@code redis.call}s is handed to the event loop and awaited ({@link
 * ScriptRun#onEventLoop}). Everything of the node (keyspace, clients, replication, cluster state) therefore stays
 * confined to the event loop, as everywhere else in the simulator; the script thread owns only the Lua state, which
 * nothing else touches while a script runs (the commands that would, SCRIPT LOAD, FUNCTION LOAD and the like, wait or
 * answer BUSY). Atomicity comes from the node's {@link io.slotwise.sim.command.ScriptGate}: while a script runs, the
 * event loop runs no other client's command (held until {@code busy-reply-threshold}, BUSY after it, except the
 * {@code allow_busy} commands, which touch no keys), no active expiry and no serving of blocked clients. The caller's
 * reply completes on the event loop, the script's writes are then propagated (MULTI/EXEC) and only then do the held
 * commands run. Interleaving on the event loop instead would need an interpreter that can suspend mid-statement,
 * which a tree-walking interpreter on the Java stack cannot do without a thread anyway. A script inside MULTI/EXEC runs
 * on the event loop itself, since EXEC needs its reply at once.
 */
package io.slotwise.sim.script;
