package io.slotwise.sim.data;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link CollectionTestNode} for a whole test class, registered with {@code @RegisterExtension static final}: it
 * starts before the class's first test, is emptied ({@code FLUSHALL}) before every test, and stops after the last one.
 * For the command-family tests that only need clients of a fresh node.
 */
final class SharedCollectionNode implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private CollectionTestNode node;

    @Override
    public void beforeAll(ExtensionContext context) {
        node = CollectionTestNode.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    /** Connects a client speaking the given protocol (2 or 3); the caller closes it. */
    RespClient connect(int protocol) {
        return node.connect(protocol);
    }
}
