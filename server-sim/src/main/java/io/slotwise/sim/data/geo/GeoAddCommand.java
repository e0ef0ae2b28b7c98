package io.slotwise.sim.data.geo;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.protocol.Reply;

/**
 * {@code GEOADD key [NX|XX] [CH] longitude latitude member ...}: Redis turns it into a ZADD of the members with their
 * 52-bit geohash scores, so it answers like ZADD (members added, or with CH added plus moved). Every position is
 * checked before anything is written; XX on a missing key creates nothing. Stateless.
 */
final class GeoAddCommand {
    private GeoAddCommand() {}

    static Reply geoadd(CommandContext ctx, GeoArguments arguments) {
        boolean nx = false;
        boolean xx = false;
        boolean ch = false;
        int first = 2;
        while (first < ctx.argc()) {
            if (ctx.argIs(first, "nx")) {
                nx = true;
            } else if (ctx.argIs(first, "xx")) {
                xx = true;
            } else if (ctx.argIs(first, "ch")) {
                ch = true;
            } else {
                break;
            }
            first++;
        }
        int elements = (ctx.argc() - first) / 3;
        if ((ctx.argc() - first) % 3 != 0 || (xx && nx) || elements == 0) {
            throw CommandException.syntaxError();
        }
        double[] scores = new double[elements];
        for (int i = 0; i < elements; i++) {
            double[] position = arguments.position(ctx, first + 3 * i);
            scores[i] = GeoHash.score(position[0], position[1]);
        }
        Keyspace keyspace = GeoCommands.keyspace(ctx);
        Key key = Key.of(ctx.arg(1));
        if (keyspace.getSortedSet(key) == null && xx) {
            return Reply.integer(0);
        }
        SortedSetValue zset = keyspace.getOrCreateSortedSet(key);
        int added = 0;
        int moved = 0;
        for (int i = 0; i < elements; i++) {
            Bytes member = Bytes.of(ctx.arg(first + 3 * i + 2));
            Double current = zset.score(member);
            if (current == null ? xx : nx) {
                continue;
            }
            if (current == null) {
                zset.add(member, scores[i]);
                added++;
            } else if (current != scores[i]) {
                zset.add(member, scores[i]);
                moved++;
            }
        }
        if (added + moved > 0 || zset.isEmpty()) {
            keyspace.markModified(key);
        }
        return Reply.integer(ch ? added + moved : added);
    }
}
