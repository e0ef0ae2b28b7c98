package io.slotwise.it.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotwise.it.fixture.AdminConnection;
import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SlotHash} agrees with a real Redis 7 node's {@code CLUSTER KEYSLOT} on random and edge-case keys. */
@RealRedisCluster(primaries = 3, replicasPerPrimary = 0)
class KeySlotDifferentialIT {

    private static final int RANDOM_KEYS = 20_000;
    private static final int MAX_KEY_LENGTH = 64;
    private static final int BATCH = 1_000;

    /** Hash-tag edge cases and text keys; each must be hashed exactly as Redis hashes it. */
    private static final List<String> TEXT_KEYS = List.of(
            "",
            "{",
            "}",
            "{}",
            "}{",
            "{}}",
            "{{}}",
            "foo{}{bar}",
            "foo{{bar}}zap",
            "foo{bar}{zap}",
            "{bar}foo",
            "foo{bar",
            "foobar}",
            "{user1000}.following",
            "{user1000}.followers",
            "123456789",
            "clé{naïve}",
            "ключ{тег}значение",
            "日本語のキー",
            "{😀}emoji",
            "emoji😀{}");

    @Test
    void slotHashMatchesClusterKeyslotForEdgeCasesAndRandomBinaryKeys(RedisClusterFixture cluster) {
        long seed = System.nanoTime();
        List<byte[]> keys = new ArrayList<>();
        TEXT_KEYS.forEach(key -> keys.add(key.getBytes(StandardCharsets.UTF_8)));
        keys.add(new byte[] {(byte) 0xFF, '{', (byte) 0x80, '}', 0});
        keys.add(new byte[] {0, '{', 0, '}', 0});
        keys.addAll(randomKeys(new SplittableRandom(seed), RANDOM_KEYS));

        List<Integer> redisSlots = keyslots(cluster.nodes().get(0).admin(), keys);

        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            int ours = SlotHash.slot(key);
            if (ours != redisSlots.get(i)) {
                fail("SlotHash.slot gives " + ours + " but CLUSTER KEYSLOT gives " + redisSlots.get(i)
                        + " for key 0x" + HexFormat.of().formatHex(key) + " (key #" + i + ", random seed " + seed
                        + ")");
            }
        }
    }

    @Test
    void stringKeysAreHashedAsTheirUtf8Bytes(RedisClusterFixture cluster) {
        List<byte[]> keys = TEXT_KEYS.stream()
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
        List<Integer> redisSlots = keyslots(cluster.nodes().get(0).admin(), keys);

        for (int i = 0; i < TEXT_KEYS.size(); i++) {
            assertEquals(redisSlots.get(i), SlotHash.slot(TEXT_KEYS.get(i)), "key '" + TEXT_KEYS.get(i) + "'");
        }
    }

    /**
     * Random keys of length 0..64 whose bytes are '{' or '}' an eighth of the time each (so hash tags of every shape
     * are common) and otherwise uniform over all 256 values.
     */
    private static List<byte[]> randomKeys(SplittableRandom random, int count) {
        List<byte[]> keys = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            byte[] key = new byte[random.nextInt(MAX_KEY_LENGTH + 1)];
            for (int i = 0; i < key.length; i++) {
                int pick = random.nextInt(8);
                key[i] = pick == 0 ? (byte) '{' : pick == 1 ? (byte) '}' : (byte) random.nextInt(256);
            }
            keys.add(key);
        }
        return keys;
    }

    /** Asks the node for every key's slot, pipelining {@value #BATCH} commands per round trip. */
    private static List<Integer> keyslots(AdminConnection node, List<byte[]> keys) {
        List<Integer> slots = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Object[]> commands = new ArrayList<>();
            for (byte[] key : keys.subList(from, Math.min(keys.size(), from + BATCH))) {
                commands.add(new Object[] {"CLUSTER", "KEYSLOT", key});
            }
            for (RespReply reply : node.pipeline(commands)) {
                slots.add(Math.toIntExact(reply.integer()));
            }
        }
        return slots;
    }
}
