package org.passkeyee.internal.shared;

/** How identifiers appear in log lines: enough to correlate, never a whole credential. */
public final class LogText {

    private LogText() {
    }

    /**
     * The first 8 characters of a base64url credential ID. The ID may come from the request, so
     * any character outside base64url (a line break that would forge a log line, say) is shown
     * as {@code ?}.
     */
    public static String shortId(String credentialId) {
        if (credentialId == null) {
            return "-";
        }
        int length = Math.min(credentialId.length(), 8);
        StringBuilder shown = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = credentialId.charAt(i);
            boolean base64Url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            shown.append(base64Url ? c : '?');
        }
        return credentialId.length() > 8 ? shown.append('…').toString() : shown.toString();
    }

    /**
     * A request header or a caller name as a log line may show it: at most 64 characters, and
     * control, format (bidi overrides, zero-width) and line or paragraph separator characters as
     * {@code ?}, so that no value can forge a log line or reorder one.
     */
    public static String header(String value) {
        if (value == null) {
            return "-";
        }
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return shown.codePoints().map(c -> isHidden(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Why a request's content could not be read, for a FINE line: the exception's class and the
     * first line of its message, and its root cause's class, at most 200 characters of message
     * with nothing that could forge or reorder a log line. A parser's message may quote a little
     * of the request: never a whole credential.
     */
    public static String failure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        String shown = (message.length() > 200 ? message.substring(0, 200) + "…" : message).codePoints()
                .map(c -> isHidden(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return failure.getClass().getName() + ": " + shown + (root != failure ? " (cause: " + root.getClass().getName() + ")" : "");
    }

    private static boolean isHidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /**
     * A store failure in one line: its message and its root cause's (the database's own words),
     * for the warning an admin reads during an outage.
     */
    public static String storeFailure(Throwable failure) {
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
