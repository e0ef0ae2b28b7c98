package io.slotwise.sim.data.hyperloglog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HLL representation: Redis's bytes, sparse/dense agreement, promotion, the cache and corruption. */
class HllSketchTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void addingElementsGivesTheBytesRedisStores() {
        HllSketch sketch = HllSketch.empty();
        for (String element : new String[] {"a", "b", "c"}) {
            assertTrue(sketch.add(ascii(element)));
        }
        sketch.invalidateCache();
        // What Redis 7.0.15 answers to GET after PFADD h a b c.
        assertEquals(
                "48594c4c01000000000000000000008060f38050b1844bfb80425a",
                HexFormat.of().formatHex(sketch.toByteArray()));
        assertEquals("Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603", sketch.describeSparse());
    }

    @Test
    void emptySketchIsOneXzeroRunWithAValidZeroCache() {
        HllSketch sketch = HllSketch.empty();
        assertEquals("48594c4c0100000000000000000000007fff", HexFormat.of().formatHex(sketch.toByteArray()));
        assertTrue(sketch.hasValidCache());
        assertEquals(0, sketch.estimate());
    }

    @Test
    void sparseRegistersAgreeWithAPlainModelAndWithTheirDenseConversion() {
        SplittableRandom random = new SplittableRandom(42);
        HllSketch sketch = HllSketch.empty();
        int[] model = new int[HllSketch.REGISTERS];
        for (int i = 0; i < 400; i++) {
            int index = random.nextInt(HllSketch.REGISTERS);
            int count = 1 + random.nextInt(SparseEncoding.VAL_MAX_VALUE);
            assertEquals(count > model[index], sketch.raise(index, count));
            model[index] = Math.max(model[index], count);
        }
        assertTrue(sketch.isSparse(), "400 registers fit the sparse encoding");
        assertArrayEquals(model, sketch.registers());
        long estimate = sketch.estimate();
        assertTrue(sketch.convertToDense());
        assertFalse(sketch.isSparse());
        assertEquals(HllSketch.DENSE_SIZE, sketch.toByteArray().length);
        assertArrayEquals(model, sketch.registers());
        assertEquals(estimate, sketch.estimate());
    }

    @Test
    void sparseSketchBecomesDenseRatherThanGrowPastTheSparseLimit() {
        HllSketch sketch = HllSketch.empty();
        int element = 0;
        while (sketch.isSparse()) {
            sketch.add(ascii(Integer.toString(element++)));
            assertTrue(!sketch.isSparse() || sketch.toByteArray().length <= HllSketch.SPARSE_MAX_BYTES);
        }
        assertEquals(HllSketch.DENSE_SIZE, sketch.toByteArray().length);
        assertTrue(element > 100, "promoted after " + element + " elements");
    }

    @Test
    void registerValueAboveThirtyTwoMakesTheSketchDense() {
        HllSketch sketch = HllSketch.empty();
        assertTrue(sketch.raise(7, 33));
        assertFalse(sketch.isSparse());
        assertEquals(33, sketch.registers()[7]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 20000, 100000})
    void estimateStaysWithinTwoPercentOfTheTrueCardinality(int cardinality) {
        HllSketch sketch = HllSketch.empty();
        for (int i = 0; i < cardinality; i++) {
            sketch.add(ascii("element:" + i));
        }
        double error = Math.abs(sketch.estimate() - cardinality) / (double) cardinality;
        assertTrue(error < 0.02, "relative error " + error);
    }

    @Test
    void cachedCardinalityRoundTripsAndInvalidationMarksItStale() {
        HllSketch sketch = HllSketch.empty();
        sketch.cacheCardinality(123456789L);
        assertTrue(sketch.hasValidCache());
        assertEquals(123456789L, sketch.cachedCardinality());
        sketch.invalidateCache();
        assertFalse(sketch.hasValidCache());
    }

    @Test
    void headerCheckAcceptsOnlyHllStrings() {
        byte[] sparse = HllSketch.empty().toByteArray();
        assertTrue(HllSketch.isValid(sparse));
        assertFalse(HllSketch.isValid(ascii("foo")));
        assertFalse(HllSketch.isValid(ascii("HYLX\1\0\0\0\0\0\0\0\0\0\0\0\0")));
        byte[] unknownEncoding = sparse.clone();
        unknownEncoding[4] = 2;
        assertFalse(HllSketch.isValid(unknownEncoding));
        byte[] shortDense = sparse.clone();
        shortDense[4] = 0;
        assertFalse(HllSketch.isValid(shortDense), "a dense HLL must have the exact dense size");
    }

    @Test
    void sparseRunsNotCoveringAllRegistersAreReportedAsCorrupt() {
        byte[] truncated = HllSketch.empty().toByteArray();
        truncated[HllSketch.HEADER_SIZE + 1] = 0; // XZERO of 0x7f00 + 1 registers: too few
        HllSketch sketch = HllSketch.copyOf(truncated);
        assertThrows(InvalidHllException.class, sketch::estimate);
        assertThrows(InvalidHllException.class, sketch::convertToDense);
        assertThrows(InvalidHllException.class, () -> sketch.raise(HllSketch.REGISTERS - 1, 1));
    }
}
