package io.slotwise.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

    @Test
    void defaultsMatchTheClientTimeoutAndTheIoThreadNames() {
        SyncOptions defaults = SyncOptions.defaults();

        assertEquals(Duration.ofSeconds(10), defaults.commandTimeout());
        assertEquals(Duration.ofSeconds(1), defaults.deadlineMargin());
        assertTrue(defaults.ioThreadCheck().test(new Thread(() -> {}, "slotwise-io-2-7")));
        assertFalse(defaults.ioThreadCheck().test(new Thread(() -> {}, "main")));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        Predicate<Thread> check = t -> false;
        SyncOptions options = SyncOptions.builder()
                .commandTimeout(Duration.ofMillis(250))
                .deadlineMargin(Duration.ZERO)
                .ioThreadCheck(check)
                .build();

        SyncOptions copy = options.toBuilder().build();

        assertEquals(Duration.ofMillis(250), copy.commandTimeout());
        assertEquals(Duration.ZERO, copy.deadlineMargin());
        assertSame(check, copy.ioThreadCheck());
        assertEquals("SyncOptions[commandTimeout=PT0.25S, deadlineMargin=PT0S, ioThreadCheck=custom]", copy.toString());
    }

    @Test
    void nonPositiveCommandTimeoutIsRejected() {
        SyncOptions.Builder builder = SyncOptions.builder();

        assertThrows(IllegalArgumentException.class, () -> builder.commandTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.commandTimeout(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> builder.commandTimeout(null));
    }

    @Test
    void negativeMarginIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyncOptions.builder().deadlineMargin(Duration.ofMillis(-1)));
    }
}
