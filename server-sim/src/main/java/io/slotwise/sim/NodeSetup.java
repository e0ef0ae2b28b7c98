package io.slotwise.sim;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.NodeServices;
import java.util.function.Supplier;

/**
 * What a {@link NodeModule} may do while a node is built: register handlers, provide services, and register actions
 * to run when the node closes. Valid only during {@link NodeModule#install}.
 */
public interface NodeSetup {

    /** Returns the node's configuration as it starts (port 0 not yet resolved). */
    SimNodeConfig config();

    /** Returns the event loop that will run the node: schedule timers (active expiry, cluster cron) on it. */
    EventLoop eventLoop();

    /** Returns the registry to add command handlers to. */
    CommandRegistry commands();

    /** Returns the node's services, as handlers will see them. */
    NodeServices node();

    /**
     * Makes a service available to handlers through {@link NodeServices#service(Class)}. Well-known types: {@link
     * io.slotwise.sim.command.RedirectCheck} (cluster redirection) and {@link
     * io.slotwise.sim.command.KeyspaceSummary} (INFO keyspace, DBSIZE).
     *
     * @param type the type handlers look the service up by
     * @param service the service, used on the event loop only
     * @param <T> the service type
     * @throws IllegalArgumentException if a service of that type was already provided
     */
    <T> void provide(Class<T> type, T service);

    /**
     * Registers an action to run on the event loop when the node closes, after its connections are closed (cancel
     * timers, save nodes.conf). Actions run in registration order; one that throws is logged and the others still run.
     *
     * @param action the action
     */
    void onClose(Runnable action);

    /**
     * Registers a close action that releases its resource asynchronously (a cluster bus closing its sockets): it runs
     * with the other close actions, in registration order, and the node counts as closed only once the future it
     * returns completed (successfully or not).
     *
     * @param action the action; returns the future of the release, never {@code null}
     */
    void onCloseAsync(Supplier<? extends Future<?>> action);

    /**
     * Registers an action to run on the event loop once the node listens, with its configuration's {@code port}
     * resolved to the bound port, before {@link SimNode.Builder#start()} returns. Actions run in registration order;
     * one that throws is logged and the others still run.
     *
     * @param action the action
     */
    void onListening(Runnable action);
}
