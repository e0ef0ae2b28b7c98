package io.slotwise.netty.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * MULTI, EXEC, DISCARD and WATCH of one {@link FakeClusterNode}, per connection, as Redis 7 answers them: commands
 * received in MULTI are queued ({@code +QUEUED}) unless refused (the refusal is the reply, and EXEC then answers
 * {@code EXECABORT}); EXEC runs the queue and answers the array of replies, or a null reply if a watched key's value
 * changed since WATCH. Thread-safe.
 */
final class FakeTransactions {

    private final Map<Integer, Queue> queues = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, String>> watched = new ConcurrentHashMap<>();
    private final Map<String, String> keyspace;

    FakeTransactions(Map<String, String> keyspace) {
        this.keyspace = keyspace;
    }

    private static final class Queue {
        final List<List<String>> commands = new ArrayList<>();
        boolean doomed;
    }

    boolean inMulti(int connection) {
        return queues.containsKey(connection);
    }

    /** Answers MULTI, EXEC (running queued commands with {@code runner}), DISCARD and UNWATCH; false for others. */
    boolean handles(Exchange exchange, String name, int connection, Function<List<String>, String> runner) {
        switch (name) {
            case "MULTI" -> {
                if (queues.putIfAbsent(connection, new Queue()) != null) {
                    exchange.reply("-ERR MULTI calls can not be nested\r\n");
                } else {
                    exchange.reply("+OK\r\n");
                }
                return true;
            }
            case "UNWATCH" -> {
                watched.remove(connection);
                exchange.reply("+OK\r\n");
                return true;
            }
            case "DISCARD" -> {
                watched.remove(connection);
                exchange.reply(queues.remove(connection) == null ? "-ERR DISCARD without MULTI\r\n" : "+OK\r\n");
                return true;
            }
            case "EXEC" -> {
                exchange.reply(exec(connection, Objects.requireNonNull(runner)));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private String exec(int connection, Function<List<String>, String> runner) {
        Queue queue = queues.remove(connection);
        Map<String, String> watches = watched.remove(connection);
        if (queue == null) {
            return "-ERR EXEC without MULTI\r\n";
        }
        if (queue.doomed) {
            return "-EXECABORT Transaction discarded because of previous errors.\r\n";
        }
        if (watches != null) {
            for (Map.Entry<String, String> watch : watches.entrySet()) {
                if (!Objects.equals(keyspace.get(watch.getKey()), watch.getValue())) {
                    return "_\r\n";
                }
            }
        }
        StringBuilder out = new StringBuilder("*").append(queue.commands.size()).append("\r\n");
        for (List<String> command : queue.commands) {
            out.append(runner.apply(command));
        }
        return out.toString();
    }

    /** Queues a command received in MULTI. */
    void queue(int connection, List<String> args) {
        queues.get(connection).commands.add(List.copyOf(args));
    }

    /** A command was refused; in MULTI that dooms the transaction. */
    void refused(int connection) {
        Queue queue = queues.get(connection);
        if (queue != null) {
            queue.doomed = true;
        }
    }

    /** WATCH: remembers the key's value now. */
    void watch(int connection, String key) {
        watched.computeIfAbsent(connection, c -> new HashMap<>()).put(key, keyspace.get(key));
    }
}
