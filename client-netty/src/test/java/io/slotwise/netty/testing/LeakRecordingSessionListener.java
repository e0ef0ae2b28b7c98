package io.slotwise.netty.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the {@link LeakRecorder} when the JUnit launcher session opens, before any test class can touch a netty
 * buffer. Registered through {@code META-INF/services}.
 */
public final class LeakRecordingSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
    }
}
