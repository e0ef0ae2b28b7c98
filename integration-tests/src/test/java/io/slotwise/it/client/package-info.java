/**
 * Integration tests of the cluster client core (routing of every slot, split commands, slot migration and resharding
 * under load, failover, timeouts and error paths, a node that answers {@code LOADING}, a primary back at a new address, the sync and reactive flavours, and every method of the typed command
 * families in RESP2 and RESP3, each driven by a {@code *FamilyCalls} class). Each area is an abstract
 * {@code *Behaviour} class written against the small {@link io.slotwise.it.client.ClusterBackend} interface; a concrete
 * {@code *RealRedisIT} subclass runs it against real {@code redis-server} processes, and the same behaviour classes are
 * meant to run unchanged against server-sim's simulated cluster through a second implementation of that interface.
 */
package io.slotwise.it.client;
