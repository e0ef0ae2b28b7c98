package io.slotwise.it.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the runnable simulator jar that server-sim builds in its {@code package} phase. */
final class SimulatorJar {

    /** Relative to integration-tests' base directory, which is failsafe's working directory. */
    static final Path RELATIVE = Path.of("..", "server-sim", "target", "slotwise-server-sim.jar");

    private SimulatorJar() {}

    /**
     * Returns the jar's absolute path.
     *
     * @throws IllegalStateException if the jar does not exist (the message says how to build it)
     */
    static Path require() {
        Path jar = RELATIVE.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("simulator jar not found at " + jar
                    + "; build it first: mvn -B -q -pl server-sim -am package -DskipTests"
                    + " (a reactor build of integration-tests with -am packages it before the ITs run)");
        }
        return jar;
    }
}
