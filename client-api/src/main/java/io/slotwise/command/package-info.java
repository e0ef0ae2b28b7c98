/**
 * The command model: {@link io.slotwise.command.Command}, an immutable description of one invocation (arguments, key
 * positions, traits, routing, how a cross-slot call splits by slot and how the parts' replies merge back, and the
 * decoder that turns the final reply into a Java value), with its builder, reply decoders and reply mergers. Pure
 * Java: nothing here performs I/O, and every type is immutable and thread-safe except
 * {@link io.slotwise.command.CommandBuilder}.
 */
package io.slotwise.command;
