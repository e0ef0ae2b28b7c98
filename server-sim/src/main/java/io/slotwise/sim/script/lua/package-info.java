/**
 * A Lua 5.1 interpreter of its own for the simulator's scripting (EVAL, FCALL): a lexer, a parser that resolves every
 * name to a local slot, an upvalue or a global while it builds the syntax tree, and a tree-walking evaluator with
 * closures, varargs, multiple results, tables with an array and a hash part and minimal metatables, plus the parts of
 * the standard library Redis exposes to scripts (base, string with Lua patterns, table, math, cjson, bit). Lua strings
 * are byte strings, represented as Java strings whose characters are all below 256 (ISO-8859-1); numbers are doubles.
 * Everything here is single-threaded: one {@link io.slotwise.sim.script.lua.LuaRuntime} belongs to one node's event
 * loop.
 */
package io.slotwise.sim.script.lua;
