package io.slotwise.api;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A scan of the keys of the whole cluster that tracks its progress by hash slot, so that slots moving between nodes
 * during the scan neither lose nor repeat keys. Each slot is read once, from the node serving it at that moment, in
 * ascending slot order: a key present in its slot for the whole scan is returned exactly once; a key created, deleted
 * or moved to another slot during the scan is returned at most once. A slot being migrated is read from both nodes
 * (source, then target) and its keys are returned once each.
 *
 * <p>Cost: every slot of a page is read in one request per slot (pipelined per node); a slot's keys are fetched
 * together, so a page holds at least every key of one slot whatever {@code COUNT} says, and a single slot with millions
 * of keys makes one large reply. {@code MATCH} is applied by the client; {@code TYPE} costs one {@code TYPE} request
 * per key that passed {@code MATCH}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ClusterScanCommands<K, V> {

    /**
     * Reads the next page of a cluster-wide scan: slots from the cursor on, until the page holds at least {@code COUNT}
     * keys (10 by default) or the scan is finished.
     *
     * @param cursor where to continue; {@link ClusterScanCursor#INITIAL} to start
     * @param args {@code MATCH} (a Redis glob pattern), {@code COUNT} (keys wanted per page, a hint) and {@code TYPE}
     * @return completes with the page and the cursor for the next call
     * @throws NullPointerException if an argument is {@code null}
     */
    CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor, ScanArgs args);

    /**
     * Reads the next page of a cluster-wide scan with no options.
     *
     * @param cursor where to continue; {@link ClusterScanCursor#INITIAL} to start
     * @return completes with the page and the cursor for the next call
     */
    default CompletionStage<ClusterScanPage<K>> scan(ClusterScanCursor cursor) {
        return scan(cursor, ScanArgs.none());
    }

    /**
     * Scans the whole cluster, page after page, and collects every key. Meant for keyspaces that fit in memory; page
     * through {@link #scan(ClusterScanCursor, ScanArgs)} otherwise.
     *
     * @param args as for {@link #scan(ClusterScanCursor, ScanArgs)}
     * @return completes with every key found, slot by slot, or with the first page's failure
     */
    default CompletionStage<List<K>> scanAll(ScanArgs args) {
        Objects.requireNonNull(args, "args");
        List<K> keys = new ArrayList<>();
        return scanFrom(ClusterScanCursor.INITIAL, args, keys).thenApply(done -> List.copyOf(keys));
    }

    private CompletionStage<Void> scanFrom(ClusterScanCursor cursor, ScanArgs args, List<K> into) {
        return scan(cursor, args).thenCompose(page -> {
            into.addAll(page.keys());
            return page.isFinished() ? CompletableFuture.completedFuture(null) : scanFrom(page.cursor(), args, into);
        });
    }
}
