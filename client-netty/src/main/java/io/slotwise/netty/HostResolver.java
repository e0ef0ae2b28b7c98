package io.slotwise.netty;

import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns a node's host into a socket address without blocking an event loop. IP literals (what cluster nodes announce)
 * are converted at once; host names are looked up with the JDK's resolver (hosts file, NSS, the JVM's DNS cache, as
 * any Java application resolves) on a small pool of daemon threads named {@code slotwise-resolver-N}, created on demand
 * and ended after a minute without work or by {@link #shutdown()}. A netty event loop would otherwise stall every
 * connection it serves while a name server answers.
 *
 * <p>Thread-safe.
 */
public final class HostResolver {

    private static final int THREADS = 2;

    private final ExecutorService lookups;

    HostResolver() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("slotwise-resolver", true));
        pool.allowCoreThreadTimeOut(true);
        this.lookups = pool;
    }

    /**
     * Resolves a host and port.
     *
     * @param host an IP literal or a host name
     * @param port the port
     * @return completes with a resolved address, already completed for an IP literal; fails with {@link
     *     UnknownHostException} if the name does not resolve, or {@link RejectedExecutionException} after {@link
     *     #shutdown()}. Completes on a resolver thread for a host name.
     */
    public CompletableFuture<InetSocketAddress> resolve(String host, int port) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            try {
                return CompletableFuture.completedFuture(
                        new InetSocketAddress(InetAddress.getByAddress(host, literal), port));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Lookup lookup = new Lookup(host, port);
        try {
            lookups.execute(lookup);
        } catch (RejectedExecutionException e) {
            lookup.result.completeExceptionally(e);
        }
        return lookup.result;
    }

    /** Stops the lookup threads; lookups still queued fail. Idempotent. */
    void shutdown() {
        for (Runnable queued : lookups.shutdownNow()) {
            ((Lookup) queued)
                    .result.completeExceptionally(
                            new RejectedExecutionException("the client resources were shut down"));
        }
    }

    /** One name lookup and its outcome. */
    private static final class Lookup implements Runnable {
        private final String host;
        private final int port;
        private final CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();

        Lookup(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public void run() {
            try {
                result.complete(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (UnknownHostException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }
}
