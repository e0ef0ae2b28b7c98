package io.slotwise.it.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a node's reply so that what necessarily differs between two correct nodes no longer does, leaving every
 * other byte as it was. Always, in every string payload (simple, bulk, verbatim, error): the node's own ID becomes
 * {@code <myid>}, any other 40-character lower-case hex ID {@code <node-id>}, its client port after a colon
 * {@code <port>} and its bus port after an at sign {@code <cport>}. Further rules only where a step asks for them
 * ({@link Normalisation}). Stateless.
 */
final class ReplyNormaliser {

    /** What identifies a node in its replies. */
    record NodeIdentity(String myId, int port) {

        /** Returns the bus port Redis derives from the client port. */
        int busPort() {
            return port + 10000;
        }
    }

    private static final Pattern NODE_ID = Pattern.compile("(?<![0-9a-z])[0-9a-f]{40}(?![0-9a-z])");
    /** The ping-sent and pong-recv fields of a CLUSTER NODES line (fields five and six). */
    private static final Pattern STAT_TIMES = Pattern.compile("usec=\\d+,usec_per_call=\\d+\\.\\d+");

    private static final Pattern PERCENTILE_VALUES = Pattern.compile("(p[0-9.]+=)\\d+\\.\\d+");
    private static final Pattern NODE_TIMES = Pattern.compile("(?m)^(\\S+ \\S+ \\S+ \\S+) (\\d+) (\\d+) ");

    private ReplyNormaliser() {}

    /**
     * Returns {@code reply} normalised for {@code node}.
     *
     * @param reply the reply as received
     * @param node the node that sent it
     * @param options the step's extra normalisations
     */
    static WireReply normalise(WireReply reply, NodeIdentity node, Set<Normalisation> options) {
        WireReply result = rewriteStrings(reply, node, options);
        if (options.contains(Normalisation.UNORDERED) && result.children() != null) {
            result = result.withChildren(sorted(result.children(), 1));
        }
        if (options.contains(Normalisation.UNORDERED_PAIRS) && result.children() != null) {
            result = result.withChildren(sorted(result.children(), 2));
        }
        return result;
    }

    private static WireReply rewriteStrings(WireReply reply, NodeIdentity node, Set<Normalisation> options) {
        if (reply.children() != null) {
            List<WireReply> children = new ArrayList<>(reply.children().size());
            for (int i = 0; i < reply.children().size(); i++) {
                WireReply child = reply.children().get(i);
                boolean clientId = options.contains(Normalisation.CLIENT_ID)
                        && i > 0
                        && i % 2 == 1
                        && reply.children().get(i - 1).text().equals("id");
                children.add(clientId ? WireReply.of(':', "<client-id>") : rewriteStrings(child, node, options));
            }
            return reply.withChildren(children);
        }
        if (reply.payload() == null) {
            return reply;
        }
        if (reply.type() == ':') {
            boolean port = options.contains(Normalisation.PORT_INTEGERS)
                    && reply.text().equals(Integer.toString(node.port()));
            return port ? WireReply.of(':', "<port>") : reply;
        }
        if ("+-$=!".indexOf(reply.type()) < 0) {
            return reply;
        }
        // ISO-8859-1 maps every byte to one char and back, so binary payloads survive the text rules unchanged.
        String text = new String(reply.payload(), StandardCharsets.ISO_8859_1);
        text = text.replace(node.myId(), "<myid>");
        text = NODE_ID.matcher(text).replaceAll("<node-id>");
        text = text.replaceAll(":" + node.port() + "(?![0-9])", ":<port>");
        text = text.replaceAll("@" + node.busPort() + "(?![0-9])", "@<cport>");
        if (options.contains(Normalisation.NODE_TIMES)) {
            text = maskNodeTimes(text);
        }
        if (options.contains(Normalisation.COMMAND_STATS)) {
            text = maskCommandStats(text);
        }
        return reply.withPayload(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Masks the times in INFO's command statistics and sorts the lines of each section (after its header). */
    private static String maskCommandStats(String text) {
        text = STAT_TIMES.matcher(text).replaceAll("usec=<t>,usec_per_call=<t>");
        text = PERCENTILE_VALUES.matcher(text).replaceAll("$1<t>");
        List<String> sections = new ArrayList<>();
        for (String section : text.split("\r\n\r\n", -1)) {
            List<String> lines = new ArrayList<>(List.of(section.split("\r\n", -1)));
            // the last section ends in CRLF, so its last "line" is empty: keep it last
            lines.subList(1, lines.size())
                    .sort(Comparator.comparing(String::isEmpty).thenComparing(Comparator.naturalOrder()));
            sections.add(String.join("\r\n", lines));
        }
        return String.join("\r\n\r\n", sections);
    }

    private static String maskNodeTimes(String text) {
        Matcher matcher = NODE_TIMES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement =
                    matcher.group(1) + " " + maskTime(matcher.group(2)) + " " + maskTime(matcher.group(3)) + " ";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String maskTime(String millis) {
        return millis.equals("0") ? "0" : "<ms>";
    }

    /** Sorts groups of {@code groupSize} consecutive elements by their rendering; a ragged tail stays last. */
    private static List<WireReply> sorted(List<WireReply> elements, int groupSize) {
        List<List<WireReply>> groups = new ArrayList<>();
        int whole = elements.size() - elements.size() % groupSize;
        for (int i = 0; i < whole; i += groupSize) {
            groups.add(elements.subList(i, i + groupSize));
        }
        groups.sort(Comparator.comparing(
                group -> group.stream().map(WireReply::render).toList().toString()));
        List<WireReply> result = new ArrayList<>(elements.size());
        groups.forEach(result::addAll);
        result.addAll(elements.subList(whole, elements.size()));
        return result;
    }
}
