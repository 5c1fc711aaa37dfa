package dev.worklens.system.config;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database that is down or refuses the credentials at start: one clear message, no stack trace. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        // 08xxx: connection exceptions; 28xxx: invalid authorization; 3D000: no such database
        if (!(state.startsWith("08") || state.startsWith("28") || state.equals("3D000") || isConnectFailure(cause))) {
            return null;
        }
        return new FailureAnalysis(
                "Worklens cannot use its database: " + firstLine(cause.getMessage()),
                "Check DATABASE_URL (host, port, database name, user and password) and that the database server is"
                        + " running, then start again. Without DATABASE_URL Worklens uses its embedded database under"
                        + " ./data.",
                null);
    }

    private static boolean isConnectFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
