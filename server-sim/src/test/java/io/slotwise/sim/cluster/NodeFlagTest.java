package io.slotwise.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeFlagTest {

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of(EnumSet.noneOf(NodeFlag.class), "noflags"),
                Arguments.of(EnumSet.of(NodeFlag.MASTER, NodeFlag.MYSELF), "myself,master"),
                Arguments.of(EnumSet.of(NodeFlag.FAIL, NodeFlag.SLAVE, NodeFlag.PFAIL), "slave,fail?,fail"),
                Arguments.of(
                        EnumSet.allOf(NodeFlag.class), "myself,master,slave,fail?,fail,handshake,noaddr,nofailover"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("renderings")
    void flagsRenderInRedisFixedOrderAndParseBack(Set<NodeFlag> flags, String text) {
        assertEquals(text, NodeFlag.render(flags));
        assertEquals(flags, NodeFlag.parse(text));
    }

    @Test
    void parsingIsCaseInsensitive() {
        assertEquals(EnumSet.of(NodeFlag.MYSELF, NodeFlag.PFAIL), NodeFlag.parse("MySelf,FAIL?"));
    }

    @Test
    void unknownFlagIsNamedInTheError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeFlag.parse("master,"));

        assertEquals("unknown node flag ''", error.getMessage());
    }
}
