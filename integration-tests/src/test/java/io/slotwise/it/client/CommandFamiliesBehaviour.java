package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.HashCommands;
import io.slotwise.api.KeyCommands;
import io.slotwise.api.ListCommands;
import io.slotwise.api.PubSubCommands;
import io.slotwise.api.ScriptingCommands;
import io.slotwise.api.ServerCommands;
import io.slotwise.api.SetCommands;
import io.slotwise.api.SortedSetCommands;
import io.slotwise.api.StringCommands;
import io.slotwise.api.TransactionCommands;
import io.slotwise.command.ReplyDecoders;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every public method of the typed command families, called through the client against a live cluster in one
 * protocol, with the decoded Java values checked: the same values in RESP2 and RESP3. The calls themselves live in
 * one {@code *FamilyCalls} class per family; this class connects one client per protocol, runs them, and finally
 * checks with {@link FamilyCallRecorder} that no public method of {@link #FAMILIES} went uncalled, so a method added to
 * a family fails the build until a test calls it.
 *
 * <p>Subclasses pick the backend and the protocol; the {@code *IT} classes nest one subclass per protocol. The instance
 * lives for the whole class (one client for all its tests), and the completeness check runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class CommandFamiliesBehaviour {

    /** The protocol the client negotiates. */
    public enum Protocol {
        /** {@code HELLO} not sent: RESP2 replies. */
        RESP2,
        /** {@code HELLO 3}: RESP3 replies (maps, sets, doubles, nulls, verbatim strings). */
        RESP3
    }

    /** The families whose every public method must be called; other families have their own tests. */
    static final List<Class<?>> FAMILIES = List.of(
            StringCommands.class,
            KeyCommands.class,
            HashCommands.class,
            ListCommands.class,
            SetCommands.class,
            SortedSetCommands.class,
            ScriptingCommands.class,
            ServerCommands.class,
            PubSubCommands.class,
            TransactionCommands.class);

    private static final int FAMILY_TESTS = 9;
    private static final int LAST = Integer.MAX_VALUE;

    private final ClusterBackend backend;
    private final Protocol protocol;
    private final String prefix;
    private final FamilyCallRecorder recorder = new FamilyCallRecorder(FAMILIES);
    private final Set<String> passed = new ConcurrentSkipListSet<>();
    private ObservedClient observed;
    private AsyncCommands<String, String> c;

    /** Runs the behaviour against {@code backend}, with a client speaking {@code protocol}. */
    protected CommandFamiliesBehaviour(ClusterBackend backend, Protocol protocol) {
        this.backend = backend;
        this.protocol = protocol;
        this.prefix = "families-" + protocol.name().toLowerCase(Locale.ROOT) + ":";
    }

    @BeforeAll
    void connect() {
        observed = ObservedClient.connect(backend, options -> options.resp3(protocol == Protocol.RESP3));
        c = recorder.wrap(observed.commands());
    }

    @AfterAll
    void close() {
        if (observed != null) {
            observed.close();
        }
    }

    @Test
    @Order(0)
    void theClientSpeaksTheChosenProtocol() {
        String info = Calls.value(c.execute(c.command("CLIENT INFO").decodedBy(ReplyDecoders.text())));
        String expected = protocol == Protocol.RESP3 ? " resp=3" : " resp=2";
        assertTrue(info.contains(expected), "CLIENT INFO says " + info);
    }

    @Test
    void stringCommandsDecodeValuesNullsAndFloats(TestInfo test) {
        StringFamilyCalls calls = new StringFamilyCalls(c, prefix);
        calls.setAndGetVariants();
        calls.multiKeyCommandsAcrossSlots();
        calls.counters();
        calls.rangesAndLengths();
        passed(test);
    }

    @Test
    void keyCommandsSplitAcrossSlotsAndHonourExpiryConditions(TestInfo test) {
        KeyFamilyCalls calls = new KeyFamilyCalls(c, prefix);
        calls.splitCommandsAcrossSlots();
        calls.types();
        calls.expiries();
        calls.renameAndCopy();
        calls.dumpAndRestore();
        passed(test);
    }

    @Test
    void hashCommandsDecodeMapsInServerOrderAndScanEveryField(TestInfo test) {
        HashFamilyCalls calls = new HashFamilyCalls(c, prefix);
        calls.fieldsAndValues();
        calls.counters();
        calls.scans();
        passed(test);
    }

    @Test
    void listCommandsPushPopAndBlock(TestInfo test) {
        ListFamilyCalls calls = new ListFamilyCalls(c, prefix);
        calls.pushesAndPops();
        calls.editsAndSearches();
        calls.movesAndBlockingPops();
        passed(test);
    }

    @Test
    void aBlockingTimeoutUnderAMillisecondIsNotIndefinite() {
        new ListFamilyCalls(c, prefix).subMillisecondBlockingTimeout();
    }

    @Test
    void setCommandsDecodeSetsAndScanEveryMember(TestInfo test) {
        SetFamilyCalls calls = new SetFamilyCalls(c, prefix);
        calls.membership();
        calls.algebra();
        calls.scans();
        passed(test);
    }

    @Test
    void sortedSetCommandsDecodeScoresAsDoublesInEitherProtocol(TestInfo test) {
        SortedSetFamilyCalls calls = new SortedSetFamilyCalls(c, prefix);
        calls.addsAndScores();
        calls.ranges();
        calls.popsAndRemovals();
        calls.scans();
        passed(test);
    }

    @Test
    void scriptsRunAndTheScriptCacheCoversEveryPrimary(TestInfo test) throws Exception {
        ScriptingFamilyCalls calls = new ScriptingFamilyCalls(c, prefix);
        calls.eval();
        calls.scriptCache();
        passed(test);
    }

    @Test
    void serverCommandsDecodeTimeAndInfoAndFlushEveryPrimary(TestInfo test) {
        ServerFamilyCalls calls = new ServerFamilyCalls(c, prefix);
        calls.nodeState();
        calls.flushesAndKeyCounts();
        passed(test);
    }

    @Test
    void publishingCountsReceiversAndTransactionsDecodeEachReply(TestInfo test) {
        PublishAndTransactionCalls calls = new PublishAndTransactionCalls(c, observed.client(), prefix);
        calls.publishing();
        calls.transaction();
        calls.watchedTransaction();
        passed(test);
    }

    @Test
    @Order(LAST)
    void everyPublicMethodOfTheFamiliesIsCalled() {
        assumeTrue(
                passed.size() == FAMILY_TESTS,
                "checked only after every family test passed in this run; passed: " + passed);
        assertTrue(recorder.declared().size() > 100, "the families declare their methods: " + recorder.declared());
        assertEquals(Set.of(), recorder.neverCalled(), "public methods of the families that no test calls");
    }

    private void passed(TestInfo test) {
        passed.add(test.getDisplayName());
    }
}
