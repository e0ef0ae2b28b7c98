package io.slotwise;

import io.slotwise.topology.NodeAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One seed of a cluster client, parsed from a {@code redis://} or {@code rediss://} URI:
 * {@code redis[s]://[[user]:password@]host[:port][/0]}.
 *
 * <ul>
 *   <li>{@code rediss} means TLS; the port defaults to 6379 either way.
 *   <li>The user information is {@code user:password} (an ACL user) or {@code :password} (the {@code default} user),
 *       percent-encoded where needed ({@code %40} for {@code @}, {@code %3A} for {@code :}).
 *   <li>An IPv6 host is written in brackets: {@code redis://[::1]:7000}.
 *   <li>A cluster has database 0 only, so the path may be empty, {@code /} or {@code /0}; query strings and fragments
 *       are refused rather than silently ignored.
 * </ul>
 *
 * <p>{@link #toString()} and every error message show the URI without its user information. Immutable and
 * thread-safe.
 */
public final class SeedUri {

    /** The port a seed without an explicit port uses. */
    public static final int DEFAULT_PORT = 6379;

    private final NodeAddress address;
    private final boolean tls;
    private final RedisCredentials credentials;

    private SeedUri(NodeAddress address, boolean tls, RedisCredentials credentials) {
        this.address = address;
        this.tls = tls;
        this.credentials = credentials;
    }

    /**
     * Parses a seed URI.
     *
     * @param uri the URI, never {@code null}
     * @return the seed
     * @throws IllegalArgumentException if the URI is not a valid seed; the message never repeats the user information
     */
    public static SeedUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        String text = uri.strip();
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        if (scheme.equals("redis")) {
            tls = false;
        } else if (scheme.equals("rediss")) {
            tls = true;
        } else {
            throw invalid(text, "it must start with redis:// or rediss://");
        }
        String rest = text.substring(schemeEnd + 3);
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        if (!(tail.isEmpty() || tail.equals("/") || tail.equals("/0"))) {
            throw invalid(
                    text,
                    tail.startsWith("/")
                            ? "a cluster has database 0 only, so the path must be empty or /0"
                            : "query strings and fragments are not supported");
        }
        int at = authority.lastIndexOf('@');
        RedisCredentials credentials = at < 0 ? null : credentials(authority.substring(0, at), text);
        NodeAddress address = hostAndPort(authority.substring(at + 1), text);
        return new SeedUri(address, tls, credentials);
    }

    /** Where the seed is reached. */
    public NodeAddress address() {
        return address;
    }

    /** Whether the URI used the {@code rediss} scheme. */
    public boolean tls() {
        return tls;
    }

    /** The credentials in the URI's user information, if any. */
    public Optional<RedisCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** The URI without its user information, for example {@code rediss://10.0.0.1:7000}. */
    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (credentials == null ? "" : "<credentials>@") + address;
    }

    private static RedisCredentials credentials(String userInfo, String uri) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw invalid(uri, "the user information must be user:password or :password");
        }
        String user = decode(userInfo.substring(0, colon), uri);
        char[] password = decode(userInfo.substring(colon + 1), uri).toCharArray();
        if (password.length == 0) {
            throw invalid(uri, "the password is empty");
        }
        return user.isEmpty() ? RedisCredentials.password(password) : RedisCredentials.of(user, password);
    }

    private static NodeAddress hostAndPort(String hostPort, String uri) {
        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(uri, "the IPv6 host has no closing ]");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(uri, "unexpected text after the IPv6 host");
            }
            portText = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw invalid(uri, "write an IPv6 host in brackets, e.g. redis://[::1]:7000");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(uri, "the host is missing");
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw invalid(uri, "the port is not a number");
            }
            if (port < 1 || port > 65535) {
                throw invalid(uri, "the port must be 1..65535");
            }
        }
        return new NodeAddress(host, port);
    }

    private static String decode(String text, String uri) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw invalid(uri, "the user information has an incomplete %-escape");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid(uri, "the user information has an invalid %-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String uri, String why) {
        return new IllegalArgumentException("Invalid seed URI '" + redacted(uri) + "': " + why);
    }

    /** The URI with anything between {@code ://} and the last {@code @} of the authority replaced. */
    private static String redacted(String uri) {
        int schemeEnd = uri.indexOf("://");
        int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int authorityEnd = indexOfAny(uri.substring(from), "/?#");
        int to = authorityEnd < 0 ? uri.length() : from + authorityEnd;
        int at = uri.lastIndexOf('@', to - 1);
        if (at < from) {
            return uri;
        }
        return uri.substring(0, from) + "<credentials>" + uri.substring(at);
    }
}
