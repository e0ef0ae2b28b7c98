/**
 * Retrying commands after transient failures, on resilience4j-retry: which failures are retried (a pure
 * classification, {@link io.slotwise.netty.retry.RetryClassifier}) and how ({@link
 * io.slotwise.netty.retry.TransientRetry}: backoff scheduled on the client's event loops, never blocking a thread, each
 * attempt dispatching the command from scratch against the then current topology).
 */
package io.slotwise.netty.retry;
