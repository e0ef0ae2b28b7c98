/**
 * The command catalogue, as the asynchronous API: one interface per command family ({@link
 * io.slotwise.api.StringCommands}, {@link io.slotwise.api.KeyCommands}, {@link io.slotwise.api.HashCommands}, {@link
 * io.slotwise.api.ListCommands}, {@link io.slotwise.api.SetCommands}, {@link io.slotwise.api.SortedSetCommands}, {@link
 * io.slotwise.api.StreamCommands}, {@link io.slotwise.api.HyperLogLogCommands}, {@link io.slotwise.api.GeoCommands},
 * {@link io.slotwise.api.BitmapCommands}, {@link
 * io.slotwise.api.ScriptingCommands}, {@link io.slotwise.api.ServerCommands}), each method a one-line default method
 * that builds a {@link io.slotwise.command.Command} and passes it to {@link
 * io.slotwise.api.CommandExecutor#execute}. {@link io.slotwise.api.AsyncCommands} combines them; an implementation
 * provides only {@code execute} and {@code codec}. The synchronous and reactive flavours call these methods instead of
 * listing the commands again. Transactions ({@code MULTI}/{@code EXEC}) are not one-line commands; see {@link
 * io.slotwise.api.AsyncCommands} for their planned shape.
 */
package io.slotwise.api;
