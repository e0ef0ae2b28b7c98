package io.slotwise.sim.cluster;

import java.util.Arrays;
import java.util.Optional;

/**
 * Validates and normalizes IP address literals the way CLUSTER MEET does ({@code inet_pton} then {@code inet_ntop}),
 * without any name resolution: hostnames are rejected. IPv4 is dotted-quad with no leading zeros; IPv6 follows
 * RFC 4291 text forms (one {@code ::}, optional trailing dotted IPv4) and is rendered as RFC 5952-style compressed
 * lower-case hex, with IPv4-mapped and IPv4-compatible addresses keeping a dotted tail. Stateless and thread-safe.
 */
public final class IpLiteral {

    private IpLiteral() {}

    /**
     * Normalizes an IP literal.
     *
     * @param text the candidate, never {@code null}
     * @return the normalized literal, or empty if {@code text} is not an IPv4 or IPv6 literal
     */
    public static Optional<String> normalize(String text) {
        byte[] v4 = new byte[4];
        if (parseIpv4(text, 0, text.length(), v4)) {
            return Optional.of(formatIpv4(v4, 0));
        }
        byte[] v6 = parseIpv6(text);
        return v6 == null ? Optional.empty() : Optional.of(formatIpv6(v6));
    }

    private static boolean parseIpv4(String text, int from, int to, byte[] out) {
        int octets = 0;
        int value = 0;
        boolean sawDigit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (sawDigit && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return false;
                    }
                    sawDigit = true;
                }
                out[octets - 1] = (byte) value;
            } else if (c == '.' && sawDigit && octets < 4) {
                sawDigit = false;
                value = 0;
            } else {
                return false;
            }
        }
        return octets == 4 && sawDigit;
    }

    private static byte[] parseIpv6(String text) {
        byte[] out = new byte[16];
        int length = text.length();
        int i = 0;
        if (length > 0 && text.charAt(0) == ':') {
            if (length < 2 || text.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int written = 0;
        int gap = -1;
        int tokenStart = i;
        int value = 0;
        int digits = 0;
        while (i < length) {
            char c = Character.toLowerCase(text.charAt(i++));
            int hex = Character.digit(c, 16);
            if (hex >= 0 && c < 128) {
                value = (value << 4) | hex;
                if (++digits > 4) {
                    return null;
                }
            } else if (c == ':') {
                tokenStart = i;
                if (digits == 0) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = written;
                    continue;
                }
                if (i == length || written + 2 > 16) {
                    return null;
                }
                out[written++] = (byte) (value >> 8);
                out[written++] = (byte) value;
                digits = 0;
                value = 0;
            } else if (c == '.' && written + 4 <= 16) {
                byte[] tail = new byte[4];
                if (!parseIpv4(text, tokenStart, length, tail)) {
                    return null;
                }
                System.arraycopy(tail, 0, out, written, 4);
                written += 4;
                digits = 0;
                break;
            } else {
                return null;
            }
        }
        if (digits > 0) {
            if (written + 2 > 16) {
                return null;
            }
            out[written++] = (byte) (value >> 8);
            out[written++] = (byte) value;
        }
        if (gap >= 0) {
            if (written == 16) {
                return null;
            }
            int moved = written - gap;
            System.arraycopy(out, gap, out, 16 - moved, moved);
            Arrays.fill(out, gap, 16 - moved, (byte) 0);
            written = 16;
        }
        return written == 16 ? out : null;
    }

    private static String formatIpv4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) + "." + (bytes[offset + 1] & 0xFF) + "." + (bytes[offset + 2] & 0xFF) + "."
                + (bytes[offset + 3] & 0xFF);
    }

    private static String formatIpv6(byte[] bytes) {
        int[] words = new int[8];
        for (int w = 0; w < 8; w++) {
            words[w] = ((bytes[2 * w] & 0xFF) << 8) | (bytes[2 * w + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int w = 0; w < 8; ) {
            if (words[w] != 0) {
                w++;
                continue;
            }
            int runStart = w;
            while (w < 8 && words[w] == 0) {
                w++;
            }
            if (w - runStart > bestLength) {
                bestBase = runStart;
                bestLength = w - runStart;
            }
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            if (bestBase >= 0 && w >= bestBase && w < bestBase + bestLength) {
                if (w == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (w != 0) {
                out.append(':');
            }
            if (w == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF))) {
                out.append(formatIpv4(bytes, 12));
                return out.toString();
            }
            out.append(Integer.toHexString(words[w]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            out.append(':');
        }
        return out.toString();
    }
}
