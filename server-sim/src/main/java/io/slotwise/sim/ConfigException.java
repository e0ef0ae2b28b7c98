package io.slotwise.sim;

/**
 * A configuration the simulator refuses to start with. The message follows Redis's {@code *** FATAL CONFIG FILE
 * ERROR ***} report: where (file line or command-line option), the offending line (secrets redacted), and the reason,
 * for example {@code Bad directive or wrong number of arguments}. {@link #reason()} is the last line alone.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ConfigException(String location, String line, String reason) {
        super("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n" + location + "\n>>> '" + line + "'\n" + reason);
        this.reason = reason;
    }

    ConfigException(String message) {
        super(message);
        this.reason = message;
    }

    /** Returns why the configuration was refused, for example {@code argument must be 'yes' or 'no'}. */
    public String reason() {
        return reason;
    }
}
