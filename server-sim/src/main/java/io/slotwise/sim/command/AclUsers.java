package io.slotwise.sim.command;

import io.slotwise.sim.SimNodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ACL users of one node, by name in byte order as Redis lists them. The {@code default} user is derived from the
 * configuration on every lookup (on, all access, {@code requirepass} as its password or {@code nopass}), so CONFIG SET
 * requirepass changes it as in Redis; ACL SETUSER cannot modify it in the simulator.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class AclUsers {
    private final TreeMap<String, AclUser> users = new TreeMap<>();

    /**
     * Finds a user.
     *
     * @param name the name
     * @param config the node's configuration, for the default user
     * @return the user, or empty
     */
    Optional<AclUser> find(String name, SimNodeConfig config) {
        if (name.equals("default")) {
            return Optional.of(AclUser.defaultUser(config.requirePass().orElse("")));
        }
        return Optional.ofNullable(users.get(name));
    }

    /** Returns the user of that name, created (off, no access) if it does not exist. */
    AclUser getOrCreate(String name) {
        return users.computeIfAbsent(name, AclUser::new);
    }

    /** Adds or replaces a user. */
    void put(AclUser user) {
        users.put(user.name(), user);
    }

    /** Removes a user; returns whether it existed. */
    boolean remove(String name) {
        return users.remove(name) != null;
    }

    /** Returns every user, the default one included, sorted by name. */
    List<AclUser> all(SimNodeConfig config) {
        TreeMap<String, AclUser> all = new TreeMap<>(users);
        all.put("default", AclUser.defaultUser(config.requirePass().orElse("")));
        return new ArrayList<>(all.values());
    }

    /** Shows the user names only. */
    @Override
    public String toString() {
        return "AclUsers" + users.keySet();
    }
}
