package io.slotwise.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimNodeConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreRedisDefaultsExceptLoopbackBind() {
        SimNodeConfig config = SimNodeConfig.defaults();
        assertEquals(6379, config.port());
        assertEquals(List.of("127.0.0.1"), config.bind());
        assertFalse(config.clusterEnabled());
        assertEquals(15000, config.clusterNodeTimeoutMillis());
        assertEquals(Optional.empty(), config.requirePass());
        assertTrue(config.clusterRequireFullCoverage());
        assertFalse(config.clusterAllowReadsWhenDown());
        assertTrue(config.clusterAllowReplicaMigration());
        assertEquals(1, config.clusterMigrationBarrier());
        assertEquals(512L * 1024 * 1024, config.protoMaxBulkLen());
        assertEquals(Path.of("").toAbsolutePath(), config.dir());
        assertEquals(Optional.empty(), config.configFile());
    }

    @Test
    void fileIsReadWithCommentsQuotesAndAnyCaseThenOptionsOverrideIt() throws Exception {
        Path file = write(
                "# a comment\n",
                "port 7000\n",
                "  CLUSTER-ENABLED yes  \n",
                "\n",
                "cluster-config-file \"nodes 7000.conf\"\n",
                "cluster-announce-ip '10.0.0.1'\n",
                "requirepass \"p\\x41ss\"\n",
                "bind 127.0.0.1 ::1\n");
        SimNodeConfig config = SimNodeConfig.fromCommandLine(
                file.toString(), "--port", "7001", "--cluster-node-timeout", "3000", "--save", "");
        assertEquals(7001, config.port());
        assertTrue(config.clusterEnabled());
        assertEquals(config.dir().resolve("nodes 7000.conf"), config.clusterConfigFile());
        assertEquals(Optional.of("10.0.0.1"), config.clusterAnnounceIp());
        assertEquals(Optional.of("pAss"), config.requirePass());
        assertEquals(List.of("127.0.0.1", "::1"), config.bind());
        assertEquals(3000, config.clusterNodeTimeoutMillis());
        assertEquals("", config.get(ConfigDirective.SAVE));
        assertEquals(Optional.of(file.toAbsolutePath()), config.configFile());
    }

    @Test
    void replicaMigrationDirectivesComeFromFileAndCommandLine() throws Exception {
        Path file = write("cluster-migration-barrier 3\n", "cluster-allow-replica-migration yes\n");
        SimNodeConfig config =
                SimNodeConfig.fromCommandLine(file.toString(), "--cluster-allow-replica-migration", "no");
        assertEquals(3, config.clusterMigrationBarrier());
        assertFalse(config.clusterAllowReplicaMigration());
    }

    @Test
    void optionsWorkWithoutAFile() throws Exception {
        SimNodeConfig config = SimNodeConfig.fromCommandLine("--port", "0", "--bind", "127.0.0.1", "::1");
        assertEquals(0, config.port());
        assertEquals(List.of("127.0.0.1", "::1"), config.bind());
        assertEquals(Optional.empty(), config.configFile());
    }

    static Stream<Arguments> badFileLines() {
        return Stream.of(
                Arguments.of("foo bar", "Bad directive or wrong number of arguments"),
                Arguments.of("port 99999", "argument must be between 0 and 65535 inclusive"),
                Arguments.of("port -1", "argument must be between 0 and 65535 inclusive"),
                Arguments.of("port x", "argument couldn't be parsed into an integer"),
                Arguments.of("port 1 2", "wrong number of arguments"),
                Arguments.of("cluster-enabled maybe", "argument must be 'yes' or 'no'"),
                Arguments.of("cluster-allow-replica-migration maybe", "argument must be 'yes' or 'no'"),
                Arguments.of("cluster-migration-barrier -2", "argument must be between 0 and 2147483647 inclusive"),
                Arguments.of("proto-max-bulk-len 5x", "argument must be a memory value"),
                Arguments.of(
                        "proto-max-bulk-len 1kb", "argument must be between 1048576 and 9223372036854775807 inclusive"),
                Arguments.of(
                        "loglevel loud", "argument(s) must be one of the following: debug, verbose, notice, warning"),
                Arguments.of("save 60", "Invalid save parameters"),
                Arguments.of("daemonize yes", "argument(s) must be one of the following: no"),
                Arguments.of("dir /no/such/directory", "No such file or directory"),
                Arguments.of("port \"7000", "Unbalanced quotes in configuration line"),
                Arguments.of("port \"7000\"x", "Unbalanced quotes in configuration line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFileLines")
    void badFileLineFailsWithRedisFatalErrorNamingTheLine(String line, String reason) throws Exception {
        Path file = write("# first\n", "port 7000\n", line + "\n");
        ConfigException error =
                assertThrows(ConfigException.class, () -> SimNodeConfig.fromCommandLine(file.toString()));
        assertEquals(reason, error.reason());
        assertEquals(
                "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n"
                        + "Reading the configuration file, at line 3\n"
                        + ">>> '" + line + "'\n"
                        + reason,
                error.getMessage());
    }

    @Test
    void badOptionNamesTheOptionAsRedisShowsIt() {
        ConfigException error = assertThrows(
                ConfigException.class, () -> SimNodeConfig.fromCommandLine("--port", "1", "--cluster-enabled", "x"));
        assertEquals(
                "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n"
                        + "Reading the command line, at option 2\n"
                        + ">>> 'cluster-enabled \"x\"'\n"
                        + "argument must be 'yes' or 'no'",
                error.getMessage());
    }

    @Test
    void strayValueAfterAnOptionCountsAsItsArgument() {
        ConfigException error =
                assertThrows(ConfigException.class, () -> SimNodeConfig.fromCommandLine("--port", "1", "x.conf"));
        assertEquals("wrong number of arguments", error.reason());
    }

    @Test
    void missingConfigFileIsReported() {
        Path missing = dir.resolve("missing.conf");
        ConfigException error =
                assertThrows(ConfigException.class, () -> SimNodeConfig.fromCommandLine(missing.toString()));
        assertEquals(
                "Fatal error, can't open config file '" + missing + "': No such file or directory", error.getMessage());
    }

    @Test
    void passwordNeverAppearsInToStringOrErrors() throws Exception {
        SimNodeConfig config = SimNodeConfig.fromText("requirepass s3cret\nport 7000\n");
        assertFalse(config.toString().contains("s3cret"), config.toString());
        assertTrue(config.toString().contains("requirepass=(redacted)"), config.toString());
        assertTrue(config.toString().contains("port=7000"), config.toString());
        ConfigException error =
                assertThrows(ConfigException.class, () -> SimNodeConfig.fromText("requirepass s3cret extra\n"));
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
    }

    @Test
    void memoryValuesAcceptRedisUnits() throws Exception {
        assertEquals(
                2L * 1024 * 1024,
                SimNodeConfig.fromText("proto-max-bulk-len 2mb").protoMaxBulkLen());
        assertEquals(2_000_000L, SimNodeConfig.fromText("proto-max-bulk-len 2M").protoMaxBulkLen());
        assertEquals(1L << 30, SimNodeConfig.fromText("proto-max-bulk-len 1gb").protoMaxBulkLen());
    }

    @Test
    void withValidatesAndLeavesTheOriginalUnchanged() {
        SimNodeConfig original = SimNodeConfig.defaults();
        SimNodeConfig changed = original.with("cluster-enabled", "yes").with("PORT", "0");
        assertTrue(changed.clusterEnabled());
        assertEquals(0, changed.port());
        assertFalse(original.clusterEnabled());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> original.with("port", "70000"));
        assertEquals("'port': argument must be between 0 and 65535 inclusive", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> original.with("nope", "1"));
    }

    @Test
    void relativeDirIsResolvedAndIsTheBaseOfTheClusterConfigFile() throws Exception {
        Path nested = Files.createDirectory(dir.resolve("data"));
        SimNodeConfig config =
                SimNodeConfig.fromCommandLine("--dir", nested.toString(), "--cluster-config-file", "n.conf");
        assertEquals(nested, config.dir());
        assertEquals(nested.resolve("n.conf"), config.clusterConfigFile());
    }

    private Path write(String... lines) throws IOException {
        return Files.writeString(dir.resolve("redis.conf"), String.join("", lines));
    }
}
