package io.slotwise.netty.connection;

import io.slotwise.RedisAuthenticationException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisCredentials;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The commands that make a fresh connection usable, one after another:
 *
 * <ol>
 *   <li>{@code HELLO 3 [AUTH user pass] [SETNAME name]} when {@link ConnectionOptions#resp3()}; success means RESP3.
 *       {@code WRONGPASS}, or {@code NOAUTH} without credentials, fails with a {@link RedisAuthenticationException}.
 *       Any other error ({@code ERR unknown command} from Redis before 6, {@code NOPROTO}, {@code NOAUTH} from a
 *       password-protected Redis 5) falls back to RESP2;
 *   <li>RESP2: {@code AUTH [user] pass} if credentials are set (any error is an authentication failure), then
 *       {@code CLIENT SETNAME name} if a name is set;
 *   <li>{@code CLIENT TRACKING on} if {@link ConnectionOptions#clientTracking()}; tracking needs RESP3, so with it a
 *       refused {@code HELLO 3} fails the handshake (naming the node and the server's error) instead of falling back;
 *   <li>{@code READONLY} if {@link ConnectionOptions#readOnly()}.
 * </ol>
 *
 * Messages quote the server's error and name the node, never the credentials; AUTH arguments are never logged.
 * Runs on the connection's event loop: each step is sent when the previous reply arrives.
 */
final class Handshake {

    private final Function<RespCommandArgs, CompletableFuture<RespValue>> sender;
    private final NodeAddress node;
    private final ConnectionOptions options;

    /**
     * Creates a handshake.
     *
     * @param sender writes and flushes one command on the new channel, returning its reply
     */
    Handshake(
            Function<RespCommandArgs, CompletableFuture<RespValue>> sender,
            NodeAddress node,
            ConnectionOptions options) {
        this.sender = sender;
        this.node = node;
        this.options = options;
    }

    /**
     * Runs the handshake.
     *
     * @return the negotiated protocol version (2 or 3), or a failure: {@link RedisAuthenticationException} for
     *     refused credentials, {@link RedisConnectionException} otherwise
     */
    CompletionStage<Integer> run() {
        CompletionStage<Integer> protocol = options.resp3() ? hello() : resp2();
        return protocol.thenCompose(version -> tracking(version))
                .thenCompose(version -> readOnly().thenApply(ignored -> version));
    }

    private CompletionStage<Integer> hello() {
        List<byte[]> args = new ArrayList<>(List.of(ascii("HELLO"), ascii("3")));
        options.credentials().ifPresent(credentials -> {
            args.add(ascii("AUTH"));
            args.add(credentials.user().orElse("default").getBytes(StandardCharsets.UTF_8));
            args.add(passwordBytes(credentials));
        });
        options.clientName().ifPresent(name -> {
            args.add(ascii("SETNAME"));
            args.add(ascii(name));
        });
        return sender.apply(new RawCommand(args)).thenCompose(reply -> {
            if (!(reply.withoutAttributes() instanceof RespValue.Error error)) {
                return CompletableFuture.completedFuture(3);
            }
            String code = error.code();
            boolean noCredentials = options.credentials().isEmpty();
            if (code.equals("WRONGPASS") || (code.equals("NOAUTH") && noCredentials)) {
                throw authenticationFailed(error, noCredentials);
            }
            if (options.clientTracking()) {
                throw new RedisConnectionException(
                        "Handshake with " + node + " failed: client-side caching needs RESP3, but HELLO 3 was refused: "
                                + error.message(),
                        null,
                        false);
            }
            return resp2();
        });
    }

    private CompletionStage<Integer> tracking(int version) {
        return options.clientTracking()
                ? expectOk(RawCommand.of("CLIENT", "TRACKING", "on"), "CLIENT TRACKING on")
                        .thenApply(ignored -> version)
                : CompletableFuture.completedFuture(version);
    }

    private CompletionStage<Integer> resp2() {
        return auth().thenCompose(ignored -> setName()).thenApply(ignored -> 2);
    }

    private CompletionStage<Void> auth() {
        if (options.credentials().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        RedisCredentials credentials = options.credentials().get();
        List<byte[]> args = new ArrayList<>(List.of(ascii("AUTH")));
        credentials.user().ifPresent(user -> args.add(user.getBytes(StandardCharsets.UTF_8)));
        args.add(passwordBytes(credentials));
        return sender.apply(new RawCommand(args)).thenAccept(reply -> {
            if (reply.withoutAttributes() instanceof RespValue.Error error) {
                throw authenticationFailed(error, false);
            }
        });
    }

    private CompletionStage<Void> setName() {
        return options.clientName()
                .map(name -> expectOk(RawCommand.of("CLIENT", "SETNAME", name), "CLIENT SETNAME"))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private CompletionStage<Void> readOnly() {
        return options.readOnly()
                ? expectOk(RawCommand.of("READONLY"), "READONLY")
                : CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> expectOk(RespCommandArgs command, String label) {
        return sender.apply(command).thenAccept(reply -> {
            if (reply.withoutAttributes() instanceof RespValue.Error error) {
                throw new RedisConnectionException(
                        "Handshake with " + node + " failed: " + label + " was refused: " + error.message(),
                        null,
                        false);
            }
        });
    }

    private RedisAuthenticationException authenticationFailed(RespValue.Error error, boolean noCredentials) {
        String hint = noCredentials ? " (the node requires authentication, but no credentials are configured)" : "";
        return new RedisAuthenticationException("Authentication to " + node + " failed: " + error.message() + hint);
    }

    private static byte[] passwordBytes(RedisCredentials credentials) {
        char[] password = credentials.password();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        Arrays.fill(password, '\0');
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
