/**
 * Replication between simulated cluster nodes: a master streams every write it executes, in order and as executed
 * (relative times made absolute, random choices made explicit), to the replicas that connected to its client port
 * with the simulator's own PSYNC handshake; a replica applies a snapshot and then that stream, tracks Redis's
 * byte-counted replication offset, acknowledges it, and resynchronises partially from the master's backlog after a
 * broken link. {@link io.slotwise.sim.replication.ReplicationModule} installs it; cluster mode decides who replicates
 * whom. Everything of one node runs on that node's event loop.
 */
package io.slotwise.sim.replication;
