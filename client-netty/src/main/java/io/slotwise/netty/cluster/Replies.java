package io.slotwise.netty.cluster;

import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Waits for the replies of several parts of one command. */
final class Replies {

    private Replies() {}

    /**
     * Waits for every part.
     *
     * @param parts the parts' replies, in order
     * @return the replies in the same order once all succeeded; once all completed and any failed, the failure of the
     *     first failed part in order (every part has finished, so nothing is left running)
     */
    static CompletionStage<List<RespValue>> all(List<? extends CompletionStage<RespValue>> parts) {
        List<CompletableFuture<RespValue>> futures = new ArrayList<>(parts.size());
        for (CompletionStage<RespValue> part : parts) {
            futures.add(part.toCompletableFuture());
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> {
                    List<RespValue> values = new ArrayList<>(futures.size());
                    for (CompletableFuture<RespValue> future : futures) {
                        values.add(future.join());
                    }
                    return values;
                });
    }
}
