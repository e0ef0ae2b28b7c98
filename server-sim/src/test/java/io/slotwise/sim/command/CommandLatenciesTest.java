package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HDR resolution and percentiles behind LATENCY HISTOGRAM and INFO latencystats. */
class CommandLatenciesTest {
    @ParameterizedTest(name = "{0} ns lies in [{1}, {2}]")
    @CsvSource({
        "1, 1, 1",
        "255, 255, 255",
        "256, 256, 257",
        "1000, 1000, 1003",
        "1024, 1024, 1031",
        // values Redis 7.0.15 reported as p50 of single calls: 7.007, 36.095, 45.055, 51.199 usec
        "7000, 6976, 7007",
        "36000, 35840, 36095",
        "45000, 44800, 45055",
        "51000, 50944, 51199",
        "1000000000, 998244352, 1002438655"
    })
    void latenciesShareRangesOfTwoSignificantDigitsAsInRedis(long nanos, long lowest, long highest) {
        assertEquals(lowest, CommandLatencies.lowestEquivalent(nanos));
        assertEquals(highest, CommandLatencies.highestEquivalent(nanos));
    }

    @Test
    void percentilesRoundToTheNearestCallAndReportTheHighestValueOfItsRange() {
        CommandLatencies latencies = new CommandLatencies();
        latencies.record("get", 3000);
        latencies.record("get", 1000);
        latencies.record("get", 2000);
        assertEquals(1003, latencies.percentileNanos("get", 0));
        assertEquals(1003, latencies.percentileNanos("get", 33));
        assertEquals(2007, latencies.percentileNanos("get", 50));
        assertEquals(3007, latencies.percentileNanos("get", 99.9));
        assertEquals(3007, latencies.percentileNanos("get", 100));
        assertEquals(0, latencies.percentileNanos("set", 50));
    }

    @Test
    void latencystatsLinesUseTheConfiguredPercentileTexts() {
        CommandLatencies latencies = new CommandLatencies();
        latencies.record("client|list", 0);
        latencies.record("ping", 7000);
        StringBuilder out = new StringBuilder();
        latencies.appendPercentiles(List.of("99.9", "10"), out);
        assertEquals(
                "latency_percentiles_usec_client|list:p99.9=0.001,p10=0.001\r\n"
                        + "latency_percentiles_usec_ping:p99.9=7.007,p10=7.007\r\n",
                out.toString());
        latencies.reset();
        out.setLength(0);
        latencies.appendPercentiles(List.of("50"), out);
        assertEquals("", out.toString());
    }
}
