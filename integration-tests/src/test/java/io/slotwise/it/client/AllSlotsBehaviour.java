package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Routing over the whole key space ({@link AllSlotsScenario}): a key in every slot through {@code SET}, {@code GET},
 * {@code MGET}, {@code MSET}, {@code EXISTS} and {@code DEL}, multi-key commands spanning all 16384 slots, each node
 * holding exactly the keys of its slots. Asserts that the transcript of replies equals the model's and prints its
 * digest, which is the same for every back-end that answers correctly.
 */
public abstract class AllSlotsBehaviour {

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected AllSlotsBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void commandsOverAKeyInEverySlotAnswerAsTheModelPredicts() {
        AllSlotsScenario.Outcome outcome = AllSlotsScenario.run(backend);

        ReplyTranscript actual = outcome.actual();
        System.out.println("[" + backend.description() + "] all-slots transcript: " + actual.size()
                + " replies, SHA-256 " + actual.digest());
        assertEquals(
                outcome.expected().digest(),
                actual.digest(),
                () -> "replies differ from the model at "
                        + actual.firstDifference(outcome.expected()).orElse("?"));
    }
}
