package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Records keyspace notifications as readable strings such as {@code "WRITTEN k"}. */
final class RecordingListener implements KeyspaceListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void keyChanged(Key key, KeyChange change) {
        events.add(change + " " + key);
    }

    @Override
    public void keyspaceFlushed(Set<Key> removedKeys) {
        events.add("FLUSHED " + new TreeSet<>(removedKeys));
    }

    List<String> drain() {
        List<String> drained = new ArrayList<>(events);
        events.clear();
        return drained;
    }
}
