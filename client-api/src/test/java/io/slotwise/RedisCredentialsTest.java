package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisCredentialsTest {

    @Test
    void toStringRevealsNeitherUserNorPassword() {
        String text = RedisCredentials.of("alice", "s3cr3t-pw".toCharArray()).toString();
        assertFalse(text.contains("alice"), text);
        assertFalse(text.contains("s3cr3t-pw"), text);
        assertTrue(text.contains("<hidden>"), text);
    }

    @Test
    void passwordIsCopiedInAndOut() {
        char[] given = "pw".toCharArray();
        RedisCredentials credentials = RedisCredentials.password(given);
        given[0] = 'X';
        char[] out = credentials.password();
        assertArrayEquals("pw".toCharArray(), out);
        out[0] = 'Y';
        assertArrayEquals("pw".toCharArray(), credentials.password());
    }

    @Test
    void defaultUserHasNoName() {
        assertEquals(
                Optional.empty(), RedisCredentials.password("pw".toCharArray()).user());
        assertEquals(
                Optional.of("alice"),
                RedisCredentials.of("alice", "pw".toCharArray()).user());
    }

    @Test
    void emptyUserIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RedisCredentials.of("", "pw".toCharArray()));
    }
}
