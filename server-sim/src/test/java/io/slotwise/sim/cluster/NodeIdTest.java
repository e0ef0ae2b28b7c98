package io.slotwise.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeIdTest {

    @Test
    void randomIdsAreFortyLowerCaseHexCharactersAndReproducibleFromASeed() {
        String first = NodeId.random(new Random(1));

        assertTrue(first.matches("[0-9a-f]{40}"), first);
        assertEquals(first, NodeId.random(new Random(1)));
        assertNotEquals(first, NodeId.random(new Random(2)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "e9e2ae7d04f3f2243992562eeace0d7595362c15, true",
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz, true",
        "E9E2AE7D04F3F2243992562EEACE0D7595362C15, false",
        "e9e2ae7d04f3f2243992562eeace0d7595362c1, false",
        "e9e2ae7d04f3f2243992562eeace0d7595362c155, false",
        "e9e2ae7d04f3f2243992562eeace0d7595362c1-, false",
        "'', false"
    })
    void wellFormedIdsAreFortyCharactersOfLowerCaseLettersAndDigits(String candidate, boolean expected) {
        assertEquals(expected, NodeId.isWellFormed(candidate));
    }
}
