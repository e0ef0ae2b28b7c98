package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ACL users: SETUSER/DELUSER, AUTH as a user, permission checks, DRYRUN and the informational subcommands. */
class AclCommandsTest {
    private static final String OK = simple("OK");
    private static final String WRONGPASS = error("WRONGPASS invalid username-password pair or user is disabled.");
    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void aUserWithAPasswordCanAuthenticateAndIsReportedAsCurrentUser() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(bulk("default"), client.call("ACL", "WHOAMI"));
            assertEquals(OK, client.call("ACL", "SETUSER", "alice", "on", ">secret", "~*", "+@all"));
            assertEquals(WRONGPASS, client.call("AUTH", "alice", "wrong"));
            assertEquals(WRONGPASS, client.call("AUTH", "nobody", "secret"));
            assertEquals(OK, client.call("AUTH", "alice", "secret"));
            assertEquals(bulk("alice"), client.call("ACL", "WHOAMI"));
            assertTrue(client.call("CLIENT", "INFO").contains(" user=alice "));
        }
    }

    @Test
    void aDisabledUserCannotAuthenticate() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("ACL", "SETUSER", "bob", ">pw", "+@all", "~*"));
            assertEquals(WRONGPASS, client.call("AUTH", "bob", "pw"));
        }
    }

    @Test
    void permissionsAreCheckedPerCommandAndKeys() {
        try (RespClient admin = RespClient.connect(node.port());
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, admin.call("ACL", "SETUSER", "dave", "on", ">pw", "+@all"));
            assertEquals(OK, client.call("AUTH", "dave", "pw"));
            assertEquals(
                    error("NOPERM this user has no permissions to access one of the keys used as arguments"),
                    client.call("GET", "x"));
            assertEquals(simple("PONG"), client.call("PING"));
            assertEquals(OK, admin.call("ACL", "SETUSER", "dave", "-@all"));
            assertEquals(error("NOPERM this user has no permissions to run the 'ping' command"), client.call("PING"));
            assertEquals(OK, client.call("AUTH", "dave", "pw"));
        }
    }

    @Test
    void dryRunAnswersOkOrTheReasonWithoutRunningTheCommand() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("ACL", "SETUSER", "dave", "on", "allcommands"));
            assertEquals(OK, client.call("ACL", "DRYRUN", "default", "SET", "k", "v"));
            assertEquals("$-1\r\n", client.call("GET", "k"));
            assertEquals(
                    bulk("This user has no permissions to access the 'k' key"),
                    client.call("ACL", "DRYRUN", "dave", "GET", "k"));
            assertEquals(error("ERR User 'nobody' not found"), client.call("ACL", "DRYRUN", "nobody", "GET", "k"));
            assertEquals(error("ERR Command 'nocmd' not found"), client.call("ACL", "DRYRUN", "dave", "nocmd"));
            assertEquals(
                    error("ERR wrong number of arguments for 'get' command"),
                    client.call("ACL", "DRYRUN", "dave", "GET"));
        }
    }

    @Test
    void listAndGetUserShowPasswordDigestsNeverPasswords() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("ACL", "SETUSER", "alice", "on", ">secret", "~*", "+@all"));
            String digest = AclUser.sha256("secret".getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    array(
                            bulk("user alice on #" + digest + " ~* resetchannels +@all"),
                            bulk("user default on nopass ~* &* +@all")),
                    client.call("ACL", "LIST"));
            String user = client.call("ACL", "GETUSER", "alice");
            assertTrue(user.contains(digest));
            assertFalse(user.contains("secret"));
            assertEquals("$-1\r\n", client.call("ACL", "GETUSER", "nobody"));
            assertFalse(new AclUsers().getOrCreate("alice").toString().contains("#"));
        }
    }

    @Test
    void deletingAUserDisconnectsItsClients() {
        try (RespClient admin = RespClient.connect(node.port());
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, admin.call("ACL", "SETUSER", "carl", "on", "nopass", "+@all", "~*"));
            assertEquals(OK, client.call("AUTH", "carl", "anything"));
            assertEquals(integer(1), admin.call("ACL", "DELUSER", "carl", "nobody"));
            assertTrue(client.closedByServer());
            assertEquals(error("ERR The 'default' user cannot be removed"), admin.call("ACL", "DELUSER", "default"));
        }
    }

    @Test
    void badModifiersAreRejectedAndChangeNothing() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(
                    error("ERR Error in ACL SETUSER modifier 'foo': Syntax error"),
                    client.call("ACL", "SETUSER", "bob", "on", "foo"));
            assertEquals(array(bulk("default")), client.call("ACL", "USERS"));
            assertEquals(
                    error("ERR Error in ACL SETUSER modifier '#abc': The password hash must be exactly 64 characters"
                            + " and contain only lowercase hexadecimal characters"),
                    client.call("ACL", "SETUSER", "bob", "#abc"));
        }
    }

    @Test
    void genpassCatLogSaveAndLoadAnswerAsRedis() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertTrue(client.call("ACL", "GENPASS").matches("\\$64\r\n[0-9a-f]{64}\r\n"));
            assertTrue(client.call("ACL", "GENPASS", "10").matches("\\$3\r\n[0-9a-f]{3}\r\n"));
            assertTrue(client.call("ACL", "GENPASS", "0").startsWith("-ERR ACL GENPASS argument must be"));
            assertTrue(client.call("ACL", "CAT").startsWith("*21\r\n$8\r\nkeyspace\r\n"));
            assertTrue(client.call("ACL", "CAT", "keyspace").contains("$4\r\ndump\r\n"));
            assertEquals(error("ERR Unknown category 'nope'"), client.call("ACL", "CAT", "nope"));
            assertEquals(array(), client.call("ACL", "LOG"));
            assertEquals(OK, client.call("ACL", "LOG", "RESET"));
            assertTrue(client.call("ACL", "SAVE").startsWith("-ERR This Redis instance is not configured"));
            assertTrue(client.call("ACL", "LOAD").startsWith("-ERR This Redis instance is not configured"));
        }
    }
}
