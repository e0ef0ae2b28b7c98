package io.slotwise.bench.cluster;

import java.util.HashSet;
import java.util.Set;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/** A JedisCluster with default options, connected for one trial. */
@State(Scope.Benchmark)
public class JedisClient {

    JedisCluster cluster;

    /** Connects. */
    @Setup(Level.Trial)
    public void connect(ClusterUnderTest target) {
        Set<HostAndPort> seeds = new HashSet<>();
        target.cluster.ports().forEach(port -> seeds.add(new HostAndPort("127.0.0.1", port)));
        cluster = new JedisCluster(seeds);
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void close() {
        cluster.close();
    }
}
