/**
 * Redis 7.0 scripting on the simulator: EVAL, EVALSHA and their read-only forms, SCRIPT, FUNCTION and FCALL, run by
 * the simulator's own Lua interpreter ({@link io.slotwise.sim.script.lua}). This package holds what is Redis about
 * it: the {@code redis} library scripts call, the conversions between Lua values and replies for RESP2 and RESP3, the
 * checks Redis makes before a script's command runs (unknown command, arity, {@code noscript}, writes from read-only
 * scripts, keys of other slots, writes on a replica) with their error texts, the script cache and the function
 * libraries. Everything runs on the node's event loop.
 */
package io.slotwise.sim.script;
