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
}
