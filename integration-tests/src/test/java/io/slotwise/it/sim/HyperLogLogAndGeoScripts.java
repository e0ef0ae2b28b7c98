package io.slotwise.it.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Differential scripts of the HyperLogLog and geo commands: the HLL string bytes (sparse, dense, cached cardinality)
 * and PFCOUNT estimates up to 100000 elements, PFMERGE and PFDEBUG, their errors; geo positions, hashes, distances
 * and searches of every shape and option over points from fixed seeds, with their errors. All keys share one hash tag.
 * Distances with STOREDIST are left out: their last bit may differ (see the simulator's README).
 */
final class HyperLogLogAndGeoScripts {

    private HyperLogLogAndGeoScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                hyperLogLogCommands(), hyperLogLogEstimates(), smallHyperLogLogs(), geoCommands(), geoSearches());
    }

    private static Script hyperLogLogCommands() {
        return Script.named("hyperloglog commands")
                .send("PFADD", "{h}e")
                .send("GET", "{h}e")
                .send("PFCOUNT", "{h}e")
                .send("GET", "{h}e")
                .send("PFADD", "{h}a", "a", "b", "c")
                .send("PFADD", "{h}a", "a")
                .send("GET", "{h}a")
                .send("PFDEBUG", "DECODE", "{h}a")
                .send("PFDEBUG", "ENCODING", "{h}a")
                .send("PFADD", "{h}b", "c", "d", new byte[] {0, (byte) 0xff, 10}, "")
                .send("PFCOUNT", "{h}a", "{h}b", "{h}missing")
                .send("PFMERGE", "{h}m", "{h}a", "{h}b", "{h}missing")
                .send("GET", "{h}m")
                .send("PFCOUNT", "{h}m")
                .send("PFDEBUG", "TODENSE", "{h}b")
                .send("PFDEBUG", "TODENSE", "{h}b")
                .send("PFDEBUG", "DECODE", "{h}b")
                .send("PFMERGE", "{h}m2", "{h}a", "{h}b")
                .send("PFDEBUG", "ENCODING", "{h}m2")
                .send("PFCOUNT", "{h}m2")
                .send("GET", "{h}m2")
                .send("PFDEBUG", "GETREG", "{h}a")
                .send("PFDEBUG", "ENCODING", "{h}a")
                .send("PFDEBUG", "foo", "{h}a")
                .send("PFDEBUG", "foo", "{h}missing")
                .send("PFSELFTEST")
                .send("SET", "{h}s", "not an hll")
                .send("PFADD", "{h}s", "x")
                .send("PFCOUNT", "{h}a", "{h}s")
                .send("PFMERGE", "{h}s", "{h}a")
                .send("RPUSH", "{h}l", "x")
                .send("PFCOUNT", "{h}l")
                .send("PFADD", "{h}l", "x")
                .send("SET", "{h}bad", hll(1, new byte[] {0x7f, 0}))
                .send("PFCOUNT", "{h}bad")
                .send("PFCOUNT", "{h}bad", "{h}a")
                .send("PFADD", "{h}bad", "a", "b", "c")
                .send("GET", "{h}bad")
                .send("PFMERGE", "{h}bad2", "{h}bad")
                .send("EXISTS", "{h}bad2")
                .send("SET", "{h}cached", cachedHll(7))
                .send("PFCOUNT", "{h}cached")
                .send("DEL", "{h}e", "{h}a", "{h}b", "{h}m", "{h}m2", "{h}s", "{h}l", "{h}bad", "{h}cached")
                .build();
    }

    /** A sparse HLL with the given encoding byte, a stale cache and the given opcodes. */
    private static byte[] hll(int encoding, byte[] opcodes) {
        byte[] value = new byte[16 + opcodes.length];
        value[0] = 'H';
        value[1] = 'Y';
        value[2] = 'L';
        value[3] = 'L';
        value[4] = (byte) encoding;
        value[15] = (byte) 0x80;
        System.arraycopy(opcodes, 0, value, 16, opcodes.length);
        return value;
    }

    /** An empty sparse HLL whose cache claims {@code cardinality}. */
    private static byte[] cachedHll(int cardinality) {
        byte[] value = hll(1, new byte[] {0x7f, (byte) 0xff});
        value[8] = (byte) cardinality;
        value[15] = 0;
        return value;
    }

    private static Script hyperLogLogEstimates() {
        Script.Builder script = Script.named("hyperloglog estimates up to 100000 elements");
        int next = 0;
        for (int batch = 0; batch < 100; batch++) {
            List<Object> pfadd = new ArrayList<>(List.of("PFADD", "{h}big"));
            for (int i = 0; i < 1000; i++) {
                pfadd.add(Integer.toString(next++));
            }
            script.send(pfadd.toArray());
            script.send("PFCOUNT", "{h}big");
            if (batch % 25 == 0) {
                script.send("GET", "{h}big");
            }
        }
        return script.send("GET", "{h}big").send("DEL", "{h}big").build();
    }

    private static Script smallHyperLogLogs() {
        Script.Builder script = Script.named("hyperloglog sparse growth and promotion");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 1; i <= 1500; i++) {
            script.send("PFADD", "{h}grow", "e" + random.nextLong());
            if (i < 300 || i % 50 == 0) {
                script.send("PFCOUNT", "{h}grow");
            }
            if (i % 100 == 0) {
                script.send("GET", "{h}grow");
                script.send("PFDEBUG", "ENCODING", "{h}grow");
            }
        }
        return script.send("DEL", "{h}grow").build();
    }

    private static Script geoCommands() {
        return Script.named("geo commands")
                .send("GEOADD", "{g}s", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania")
                .send("GEOADD", "{g}s", "CH", "13.361389", "38.115556", "Palermo", "15", "37.5", "Catania")
                .send("GEOADD", "{g}s", "NX", "CH", "1", "1", "Catania", "2", "2", "Trapani")
                .send("GEOADD", "{g}s", "XX", "15.087269", "37.502669", "Catania", "3", "3", "Nope")
                .send("GEOADD", "{g}none", "XX", "1", "1", "a")
                .send("EXISTS", "{g}none")
                .send("GEOADD", "{g}s", "180", "85.05112878", "ne", "-180", "-85.05112878", "sw", "0", "0", "zero")
                .send("ZRANGE", "{g}s", "0", "-1", "WITHSCORES")
                .send("GEOPOS", "{g}s", "Palermo", "Catania", "ne", "sw", "zero", "nope")
                .send("GEOPOS", "{g}none", "a")
                .send("GEOHASH", "{g}s", "Palermo", "Catania", "ne", "sw", "zero", "nope")
                .send("GEODIST", "{g}s", "Palermo", "Catania")
                .send("GEODIST", "{g}s", "Palermo", "Catania", "km")
                .send("GEODIST", "{g}s", "Palermo", "Catania", "FT")
                .send("GEODIST", "{g}s", "Palermo", "Catania", "mi")
                .send("GEODIST", "{g}s", "ne", "sw")
                .send("GEODIST", "{g}s", "Palermo", "nope")
                .send("GEODIST", "{g}none", "a", "b")
                .send("GEODIST", "{g}s", "Palermo", "Catania", "parsec")
                .send("GEODIST", "{g}s", "Palermo", "Catania", "km", "x")
                .send("GEOADD", "{g}s", "200", "100", "x")
                .send("GEOADD", "{g}s", "inf", "0", "x")
                .send("GEOADD", "{g}s", "1", "nan", "x")
                .send("GEOADD", "{g}s", "NX", "XX", "1", "1", "x")
                .send("GEOADD", "{g}s", "NX", "CH", "CH")
                .send("GEOADD", "{g}s", "1", "2", "x", "3")
                .send("ZADD", "{g}s", "-5", "negative", "1e20", "huge")
                .send("GEOPOS", "{g}s", "negative", "huge")
                .send("GEOHASH", "{g}s", "negative", "huge")
                .send("SET", "{g}str", "x")
                .send("GEOADD", "{g}str", "1", "1", "a")
                .send("GEOADD", "{g}str", "1", "100", "a")
                .send("GEOPOS", "{g}str", "a")
                .send("GEOSEARCH", "{g}str", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "m")
                .send("GEOSEARCH", "{g}s", "FROMMEMBER", "nope", "BYRADIUS", "200", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "FROMMEMBER", "Palermo", "BYRADIUS", "2", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "2", "km", "BYBOX", "1", "1", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ANY")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "0")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "x")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "-1", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "x", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYBOX", "x", "1", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYBOX", "1", "x", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYBOX", "1", "-1", "km")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "parsec")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "STORE", "{g}x")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "km", "STOREDIST")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "500", "1", "BYRADIUS", "1", "km")
                .send("geosearch", "{g}s", "BYRADIUS", "1", "km", "WITHDIST", "ASC")
                .send("GeoSearch", "{g}s", "FROMLONLAT", "1", "1", "ASC", "DESC")
                .send("GEOSEARCH", "{g}none", "FROMMEMBER", "a", "BYRADIUS", "1", "km")
                .send(
                        "GEOSEARCH",
                        "{g}s",
                        "FROMMEMBER",
                        "Palermo",
                        "BYRADIUS",
                        "200",
                        "km",
                        "WITHCOORD",
                        "WITHDIST",
                        "WITHHASH",
                        "ASC")
                .send("GEOSEARCH", "{g}s", "FROMLONLAT", "15", "37", "BYBOX", "400", "400", "km", "DESC", "WITHDIST")
                .send("GEOSEARCHSTORE", "{g}d", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "WITHDIST")
                .send("GEOSEARCHSTORE", "{g}d", "{g}s", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "COUNT", "1")
                .send("ZRANGE", "{g}d", "0", "-1", "WITHSCORES")
                .send("GEOSEARCHSTORE", "{g}d", "{g}none", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km")
                .send("EXISTS", "{g}d")
                .send("GEORADIUS", "{g}s", "15", "37", "200", "km", "WITHDIST", "STORE", "{g}d")
                .send("GEORADIUS_RO", "{g}s", "15", "37", "200", "km", "STORE", "{g}d")
                .send("GEORADIUS", "{g}s", "15", "37", "200", "km", "COUNT", "1", "ANY")
                .send("GEORADIUS", "{g}s", "15", "37", "200", "km", "COUNT", "1")
                .send("GEORADIUS", "{g}s", "15", "37", "200", "km", "STORE", "{g}d")
                .send("ZRANGE", "{g}d", "0", "-1", "WITHSCORES")
                .send("GEORADIUSBYMEMBER", "{g}s", "nope", "200", "km")
                .send("GEORADIUSBYMEMBER", "{g}none", "nope", "x", "y")
                .send("GEORADIUSBYMEMBER", "{g}none", "nope", "x", "y", "STORE", "{g}d")
                .send("EXISTS", "{g}d")
                .send("GEORADIUSBYMEMBER_RO", "{g}s", "Palermo", "300", "km", "WITHCOORD", "DESC")
                .send("DEL", "{g}s", "{g}str")
                .build();
    }

    private static Script geoSearches() {
        Script.Builder script = Script.named("geo searches of every shape over random points");
        SplittableRandom random = new SplittableRandom(2024);
        List<String> members = new ArrayList<>();
        for (int cluster = 0; cluster < 30; cluster++) {
            double longitude = random.nextDouble(-179, 179);
            double latitude = random.nextDouble(-84, 84);
            List<Object> geoadd = new ArrayList<>(List.of("GEOADD", "{g}p"));
            for (int i = 0; i < 20; i++) {
                String member = "m" + cluster + "_" + i;
                members.add(member);
                geoadd.add(decimal(clamp(longitude + random.nextDouble(-1, 1), 180)));
                geoadd.add(decimal(clamp(latitude + random.nextDouble(-1, 1), 85.05)));
                geoadd.add(member);
            }
            script.send(geoadd.toArray());
        }
        String[] units = {"m", "km", "ft", "mi"};
        double[] metersPerUnit = {1, 1000, 0.3048, 1609.34};
        for (int i = 0; i < 400; i++) {
            int unit = random.nextInt(units.length);
            double meters = Math.pow(10, random.nextDouble(0, 7));
            String size = decimal(meters / metersPerUnit[unit]);
            List<Object> command = new ArrayList<>(List.of("GEOSEARCH", "{g}p"));
            if (random.nextBoolean()) {
                command.addAll(List.of("FROMMEMBER", members.get(random.nextInt(members.size()))));
            } else {
                command.addAll(List.of(
                        "FROMLONLAT", decimal(random.nextDouble(-180, 180)), decimal(random.nextDouble(-85, 85))));
            }
            if (random.nextBoolean()) {
                command.addAll(List.of("BYRADIUS", size, units[unit]));
            } else {
                command.addAll(List.of(
                        "BYBOX", size, decimal(meters * random.nextDouble(0.2, 3) / metersPerUnit[unit]), units[unit]));
            }
            List<Object> options = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                options.add(random.nextBoolean() ? "ASC" : "DESC");
            }
            if (random.nextInt(3) == 0) {
                options.addAll(List.of("COUNT", Integer.toString(1 + random.nextInt(20))));
                if (random.nextInt(3) == 0) {
                    options.add("ANY");
                }
            }
            List<Object> search = new ArrayList<>(command);
            search.addAll(options);
            if (random.nextBoolean()) {
                search.add("WITHDIST");
            }
            if (random.nextInt(3) == 0) {
                search.add("WITHCOORD");
            }
            if (random.nextInt(3) == 0) {
                search.add("WITHHASH");
            }
            script.send(search.toArray());
            if (i % 8 == 0) {
                List<Object> store = new ArrayList<>(List.of("GEOSEARCHSTORE", "{g}dst"));
                store.addAll(command.subList(1, command.size()));
                store.addAll(options);
                script.send(store.toArray());
                script.send("ZRANGE", "{g}dst", "0", "-1", "WITHSCORES");
            }
        }
        return script.send("DEL", "{g}p", "{g}dst").build();
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
