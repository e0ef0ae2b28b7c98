package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request value type. */
class RequestTest {

    @Test
    void toStringNeverShowsArguments() {
        Request auth = Request.ofStrings("AUTH", "default", "hunter2");
        assertFalse(auth.toString().contains("hunter2"), auth.toString());
        assertEquals("Request[auth, argc=3]", auth.toString());
    }

    @Test
    void commandNameIsLowerCasedAsciiOnly() {
        assertEquals("cluster", Request.ofStrings("ClUsTeR", "NODES").commandName());
        assertEquals("\u00c9t", Request.of(List.of(bytes("\u00c9T"))).commandName());
    }

    @Test
    void requestNeedsACommandName() {
        assertThrows(IllegalArgumentException.class, () -> Request.of(List.of()));
    }

    @Test
    void requestsWithTheSameBytesAreEqual() {
        assertEquals(Request.ofStrings("GET", "k"), Request.of(List.of(bytes("GET"), bytes("k"))));
        assertEquals(
                Request.ofStrings("GET", "k").hashCode(),
                Request.of(List.of(bytes("GET"), bytes("k"))).hashCode());
    }
}
