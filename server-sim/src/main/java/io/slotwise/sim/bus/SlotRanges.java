package io.slotwise.sim.bus;

import io.netty.buffer.ByteBuf;
import io.slotwise.sim.cluster.SlotTable;
import java.util.BitSet;

/**
 * The wire form of a slot set: a {@code u16} count of ranges, then for each range its first and last slot as
 * {@code u16}s. Ranges are maximal runs in ascending order, so a set has exactly one encoding; the decoder rejects
 * anything else. A master with one contiguous range costs 6 bytes instead of Redis's 2048-byte bitmap. Stateless.
 */
final class SlotRanges {

    private SlotRanges() {}

    static void write(BitSet slots, ByteBuf out) {
        int countIndex = out.writerIndex();
        out.writeShort(0);
        int count = 0;
        int first = slots.nextSetBit(0);
        while (first >= 0) {
            int end = slots.nextClearBit(first);
            out.writeShort(first);
            out.writeShort(end - 1);
            count++;
            first = slots.nextSetBit(end);
        }
        out.setShort(countIndex, count);
    }

    static BitSet read(ByteBuf in) {
        int count = FieldReader.readUnsignedShort(in, "slot range count");
        BitSet slots = new BitSet(SlotTable.SLOT_COUNT);
        int previousLast = -2;
        for (int i = 0; i < count; i++) {
            int first = FieldReader.readUnsignedShort(in, "slot range");
            int last = FieldReader.readUnsignedShort(in, "slot range");
            if (first > last || last >= SlotTable.SLOT_COUNT || first <= previousLast + 1) {
                throw new BusProtocolException("slot ranges must be ascending, disjoint, non-adjacent runs within "
                        + "0-16383, got " + first + "-" + last + " after " + previousLast);
            }
            slots.set(first, last + 1);
            previousLast = last;
        }
        return slots;
    }
}
