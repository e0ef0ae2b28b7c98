/**
 * Tests that drive the simulator with the tools and clients people use against real Redis clusters: redis-cli's
 * {@code --cluster} manager against simulator processes and in-JVM clusters, and unmodified Jedis and Lettuce cluster
 * clients; plus the fixtures they need ({@link io.slotwise.it.tools.SimProcessCluster} runs simulator processes from
 * the built jar, {@link io.slotwise.it.tools.RedisCli} runs redis-cli).
 */
package io.slotwise.it.tools;
