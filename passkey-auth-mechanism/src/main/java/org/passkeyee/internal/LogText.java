package org.passkeyee.internal;

/** How identifiers appear in log lines: enough to correlate, never a whole credential. */
final class LogText {

    private LogText() {
    }

    /** The first 8 characters of a base64url credential ID. */
    static String shortId(String credentialId) {
        if (credentialId == null) {
            return "-";
        }
        return credentialId.length() <= 8 ? credentialId : credentialId.substring(0, 8) + "…";
    }

    /**
     * A store failure in one line: its message and its root cause's (the database's own words),
     * for the warning an admin reads during an outage.
     */
    static String storeFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getMessage();
        if (root != failure) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.replaceAll("\\s+", " ");
    }
}
