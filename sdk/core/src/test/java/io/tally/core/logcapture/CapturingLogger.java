package io.tally.core.logcapture;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that is enabled at every level and hands each formatted line to {@link CapturedLogs}. */
final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        StringBuilder line = new StringBuilder()
                .append(level).append(' ').append(name).append(" - ")
                .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        CapturedLogs.add(line.toString());
    }
}
