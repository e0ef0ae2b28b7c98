package io.slotwise.sim.data.hyperloglog;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PFSELFTEST: checks this implementation as Redis checks its own, and answers {@code OK} or a {@code TESTFAILED}
 * error: registers written at random read back the same in the dense encoding, and a sparse HLL fed the same values
 * holds the same registers and gives the same estimate as its dense conversion. Deterministic (fixed seed); takes a
 * few milliseconds on the event loop.
 */
final class PfSelfTestCommand {
    private static final long SEED = 0x5eed_1e57L;
    private static final int WRITES = 2000;

    private PfSelfTestCommand() {}

    static Reply pfselftest(CommandContext ctx) {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] dense = new byte[HllSketch.DENSE_SIZE];
        int[] expected = new int[HllSketch.REGISTERS];
        for (int i = 0; i < WRITES; i++) {
            int index = random.nextInt(HllSketch.REGISTERS);
            int value = random.nextInt(DenseRegisters.MAX_VALUE + 1);
            DenseRegisters.set(dense, HllSketch.HEADER_SIZE, index, value);
            expected[index] = value;
        }
        for (int i = 0; i < HllSketch.REGISTERS; i++) {
            if (DenseRegisters.get(dense, HllSketch.HEADER_SIZE, i) != expected[i]) {
                throw new CommandException("TESTFAILED Register error at index " + i);
            }
        }
        HllSketch sparse = HllSketch.empty();
        for (int i = 0; i < WRITES; i++) {
            sparse.add(Integer.toString(random.nextInt()).getBytes(StandardCharsets.US_ASCII));
        }
        HllSketch converted = HllSketch.copyOf(sparse.toByteArray());
        converted.convertToDense();
        if (!Arrays.equals(sparse.registers(), converted.registers()) || sparse.estimate() != converted.estimate()) {
            throw new CommandException("TESTFAILED Sparse and dense encodings disagree");
        }
        return Reply.ok();
    }
}
