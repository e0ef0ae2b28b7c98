package io.slotwise;

/**
 * A node answered CLUSTER SHARDS or CLUSTER SLOTS with a reply the client cannot read as a topology. The message says
 * which part of the reply was wrong. The client keeps its previous topology.
 */
public class TopologyParseException extends RedisException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong with the reply
     */
    public TopologyParseException(String message) {
        super(message);
    }
}
