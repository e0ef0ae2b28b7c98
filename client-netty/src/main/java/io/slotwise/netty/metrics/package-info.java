/**
 * Optional Micrometer metrics for the cluster client: {@link io.slotwise.netty.metrics.MicrometerListener} is a
 * {@link io.slotwise.event.ClientEventListener} that records the client's events as meters, and {@link
 * io.slotwise.netty.metrics.ClientMeters} documents every meter's name, type, unit and tags. This is the only package
 * that references Micrometer, which client-netty declares as an optional dependency: applications that register no
 * {@code MicrometerListener} need no Micrometer on their class path and get no meters.
 */
package io.slotwise.netty.metrics;
