package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotwise.sim.command.CommandTable;
import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream a master produces for what it executes, read back from its backlog. Commands are simulated as the
 * dispatcher reports them: start, their effect on the keyspace, finish with their reply.
 */
class PropagatorTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final CommandTable TABLE = CommandTable.redis70();

    private final long[] clock = {NOW};
    private final boolean[] active = {false};
    private final Keyspace keyspace = new Keyspace(() -> clock[0], RandomGenerator.getDefault());
    private final ReplicationHistory history = new ReplicationHistory("a".repeat(40), 1 << 20);
    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final Propagator propagator;

    PropagatorTest() {
        history.ensureBacklog();
        WriteStream stream = new WriteStream(history, new ConnectedReplicas(), offset -> {});
        propagator = new Propagator(new KeyStates(keyspace), stream, () -> active[0], loop.eventLoop());
        keyspace.addListener(propagator);
    }

    @AfterEach
    void closeLoop() {
        assertFalse(loop.finish());
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs one command as the dispatcher would report it. */
    private void run(Reply reply, Runnable effect, String... command) {
        Invocation invocation = new Invocation(TABLE.command(command[0].toLowerCase()), Request.ofStrings(command));
        propagator.commandStarting(invocation, null);
        effect.run();
        propagator.commandFinished(invocation, null, reply);
    }

    /** Decodes everything propagated so far; binary arguments are shown as {@code <n bytes>}. */
    private List<String> propagated() {
        EmbeddedChannel decoder = new EmbeddedChannel(new LinkDecoder(0));
        decoder.writeInbound(
                Unpooled.wrappedBuffer(b("+CONTINUE\r\n"), history.backlog().copyFrom(1)));
        List<String> commands = new ArrayList<>();
        for (Object event = decoder.readInbound(); event != null; event = decoder.readInbound()) {
            if (event instanceof LinkEvent.StreamCommand command) {
                List<String> args = new ArrayList<>();
                for (byte[] arg : command.args()) {
                    String text = new String(arg, StandardCharsets.UTF_8);
                    args.add(text.chars().allMatch(c -> c >= 32 && c < 127) ? text : "<" + arg.length + " bytes>");
                }
                commands.add(String.join(" ", args));
            }
        }
        assertFalse(decoder.finish());
        return commands;
    }

    @Test
    void relativeExpiryIsPropagatedAsAnAbsoluteTime() {
        active[0] = true;
        run(
                Reply.ok(),
                () -> keyspace.set(Key.of("k"), StringValue.of(b("v")), NOW + 10_000),
                "SET",
                "k",
                "v",
                "EX",
                "10");
        assertEquals(List.of("SET k v PXAT " + (NOW + 10_000)), propagated());
        assertEquals(history.offset(), propagator.lastWriteOffset(null));
    }

    @Test
    void xaddWithAGeneratedIdIsPropagatedWithTheIdTheMasterChose() {
        active[0] = true;
        run(
                new Reply.Bulk(b("1700000000000-0")),
                () -> keyspace.set(Key.of("s"), StringValue.of(b("stands in for the stream"))),
                "XADD",
                "s",
                "NOMKSTREAM",
                "MAXLEN",
                "~",
                "100",
                "LIMIT",
                "10",
                "*",
                "field",
                "value");

        assertEquals(List.of("XADD s NOMKSTREAM MAXLEN ~ 100 LIMIT 10 1700000000000-0 field value"), propagated());
    }

    @Test
    void aCommandThatChangedNothingIsNotPropagated() {
        active[0] = true;
        run(Reply.nullBulk(), () -> {}, "SET", "k", "v", "NX");
        run(Reply.integer(0), () -> {}, "DEL", "missing");
        assertEquals(List.of(), propagated());
    }

    @Test
    void aKeyFoundExpiredIsDeletedBeforeTheCommandThatNoticedIt() {
        keyspace.set(Key.of("k"), StringValue.of(b("old")), NOW + 10);
        active[0] = true;
        clock[0] += 20;
        run(Reply.nullBulk(), () -> keyspace.get(Key.of("k")), "GET", "k");
        run(Reply.ok(), () -> keyspace.set(Key.of("j"), StringValue.of(b("v"))), "SET", "j", "v");
        keyspace.set(Key.of("k"), StringValue.of(b("x")), NOW + 30);
        loop.runPendingTasks();
        clock[0] += 20;
        run(
                Reply.integer(1),
                () -> {
                    keyspace.exists(Key.of("k"));
                    keyspace.set(Key.of("k"), StringValue.of(b("new")));
                },
                "SETNX",
                "k",
                "new");
        List<String> commands = propagated();
        assertEquals(List.of("DEL k", "SET j v"), commands.subList(0, 2));
        assertEquals(List.of("MULTI", "DEL k", "SETNX k new", "EXEC"), commands.subList(3, 7));
    }

    @Test
    void aBlockedClientServedDuringAPushIsPropagatedAfterThePushAsTheKeysState() {
        active[0] = true;
        run(
                Reply.integer(2),
                () -> {
                    ListValue list = keyspace.getOrCreateList(Key.of("q"));
                    list.pushFirst(Bytes.of("a"));
                    list.pushFirst(Bytes.of("b"));
                    keyspace.markModified(Key.of("q"));
                    propagator.sideEffectsStarting();
                    keyspace.getOrCreateList(Key.of("q")).popFirst();
                    keyspace.markModified(Key.of("q"));
                    propagator.sideEffectsFinished();
                },
                "LPUSH",
                "q",
                "a",
                "b");
        List<String> commands = propagated();
        assertEquals(4, commands.size(), commands.toString());
        assertEquals("LPUSH q a b", commands.get(1));
        String payloadSize = "<" + DumpPayload.encode(keyspace.get(Key.of("q"))).length + " bytes>";
        assertEquals("RESTORE q 0 " + payloadSize + " REPLACE ABSTTL", commands.get(2));
    }

    @Test
    void changesOutsideCommandsArePropagatedWhenTheTaskEndsOrBeforeTheNextCommand() {
        active[0] = true;
        keyspace.set(Key.of("direct"), StringValue.of(b("v")), NOW + 5);
        assertEquals(List.of(), propagated());
        loop.runPendingTasks();
        clock[0] += 10;
        keyspace.activeExpireCycle(10);
        keyspace.set(Key.of("other"), StringValue.of(b("w")));
        run(Reply.integer(1), () -> keyspace.delete(Key.of("other")), "DEL", "other");
        List<String> commands = propagated();
        assertEquals("RESTORE direct " + (NOW + 5) + " <", commands.get(0).substring(0, 30));
        assertEquals(
                List.of("DEL direct", "RESTORE other 0 <"),
                List.of(commands.get(1), commands.get(2).substring(0, 17)));
        assertEquals("DEL other", commands.get(3));
        assertEquals(4, commands.size());
        loop.runPendingTasks();
        assertEquals(4, propagated().size(), "flushed once");
    }

    @Test
    void commandsWithoutARuleArePropagatedAsTheStateOfTheKeysTheyChanged() {
        active[0] = true;
        byte[] payload = DumpPayload.encode(StringValue.of(b("v")));
        Invocation restore =
                new Invocation(TABLE.command("restore"), Request.of(List.of(b("RESTORE"), b("k"), b("1000"), payload)));
        propagator.commandStarting(restore, null);
        keyspace.set(Key.of("k"), StringValue.of(b("v")), NOW + 1000);
        propagator.commandFinished(restore, null, Reply.ok());
        run(Reply.error("ERR failed half way"), () -> keyspace.delete(Key.of("k")), "HSET", "k", "f", "v");
        assertEquals(
                List.of("RESTORE k " + (NOW + 1000) + " <" + payload.length + " bytes> REPLACE ABSTTL", "DEL k"),
                propagated());
    }

    @Test
    void execWrapsTheCommandsItRanInMultiExec() {
        active[0] = true;
        Invocation exec = new Invocation(TABLE.command("exec"), Request.ofStrings("EXEC"));
        propagator.commandStarting(exec, null);
        run(Reply.ok(), () -> keyspace.set(Key.of("a"), StringValue.of(b("1"))), "SET", "a", "1");
        run(Reply.nullBulk(), () -> {}, "GET", "b");
        run(Reply.ok(), () -> keyspace.set(Key.of("b"), StringValue.of(b("2"))), "SET", "b", "2");
        propagator.commandFinished(exec, null, Reply.array());
        assertEquals(List.of("MULTI", "SET a 1", "SET b 2", "EXEC"), propagated());
    }

    @Test
    void randomAndFloatingPointOutcomesAreMadeExplicit() {
        active[0] = true;
        keyspace.getOrCreateSet(Key.of("s")).add(Bytes.of("x"));
        keyspace.markModified(Key.of("s"));
        loop.runPendingTasks();
        run(
                Reply.bulk("x"),
                () -> {
                    keyspace.getOrCreateSet(Key.of("s")).remove(Bytes.of("x"));
                    keyspace.markModified(Key.of("s"));
                },
                "SPOP",
                "s");
        run(
                Reply.bulk("10.5"),
                () -> keyspace.setKeepTtl(Key.of("f"), StringValue.of(b("10.5"))),
                "INCRBYFLOAT",
                "f",
                "10.5");
        List<String> commands = propagated();
        assertEquals(List.of("SREM s x", "SET f 10.5 KEEPTTL"), commands.subList(1, 3));
    }

    @Test
    void sortedSetPopsArePropagatedAsThePlainPopOfWhatTheyTook() {
        active[0] = true;
        Runnable popOne = () -> {
            keyspace.getOrCreateSortedSet(Key.of("z")).popMin(1);
            keyspace.markModified(Key.of("z"));
        };
        keyspace.getOrCreateSortedSet(Key.of("z")).add(Bytes.of("a"), 1);
        keyspace.getOrCreateSortedSet(Key.of("z")).add(Bytes.of("b"), 2);
        keyspace.getOrCreateSortedSet(Key.of("z")).add(Bytes.of("c"), 3);
        keyspace.getOrCreateSortedSet(Key.of("z")).add(Bytes.of("d"), 4);
        keyspace.markModified(Key.of("z"));
        loop.runPendingTasks();
        Reply pair = Reply.array(Reply.array(Reply.bulk("a"), new Reply.Double(1)));
        run(Reply.array(Reply.bulk("z"), pair), popOne, "ZMPOP", "2", "other", "z", "MIN", "COUNT", "5");
        run(Reply.array(Reply.bulk("z"), pair), popOne, "BZMPOP", "0", "1", "z", "max");
        run(Reply.array(Reply.bulk("z"), Reply.bulk("c"), new Reply.Double(3)), popOne, "BZPOPMIN", "x", "z", "0");
        run(Reply.array(Reply.bulk("z"), Reply.bulk("d"), new Reply.Double(4)), popOne, "BZPOPMAX", "z", "0");
        List<String> commands = propagated();
        assertEquals(List.of("ZPOPMIN z 1", "ZPOPMAX z 1", "ZPOPMIN z", "ZPOPMAX z"), commands.subList(1, 5));
    }

    @Test
    void nothingIsRecordedWhileInactive() {
        run(Reply.ok(), () -> keyspace.set(Key.of("k"), StringValue.of(b("v"))), "SET", "k", "v");
        keyspace.set(Key.of("j"), StringValue.of(b("v")));
        loop.runPendingTasks();
        assertEquals(List.of(), propagated());
        assertEquals(0, propagator.lastWriteOffset(null));
    }
}
