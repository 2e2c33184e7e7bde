package org.passkeyee.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.Refusal;

/**
 * What the module keeps in the HTTP session besides pending ceremonies: when the caller signed
 * in (changing passkeys needs a recent sign-in) and which page to return to after a forced sign-in.
 */
public final class SessionState {

    private static final String SIGNED_IN_AT = "org.passkeyee.signed-in-at";
    private static final String SIGNED_IN_WITH = "org.passkeyee.signed-in-with";
    private static final String RETURN_TO = "org.passkeyee.return-to";
    private static final String CALLER_GROUPS = "org.passkeyee.caller-groups";

    private SessionState() {
    }

    /** How a session signed in: shown to the page, so it can offer a passkey after a password. */
    public enum SignInMethod {
        PASSKEY, PASSWORD, OTHER;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static void markSignedIn(HttpSession session, Instant now, SignInMethod method, Set<String> groups) {
        session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
        session.setAttribute(SIGNED_IN_WITH, method.name());
        session.setAttribute(CALLER_GROUPS, groups.toArray(new String[0]));
    }

    /** The groups the caller had when this session signed in, or {@code null}. */
    static String[] callerGroups(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object groups = session == null ? null : session.getAttribute(CALLER_GROUPS);
        return groups instanceof String[] names ? names.clone() : null;
    }

    /** How this session signed in, or {@code null} if the module did not sign it in. */
    public static SignInMethod signedInWith(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object method = session == null ? null : session.getAttribute(SIGNED_IN_WITH);
        return method instanceof String name ? SignInMethod.valueOf(name) : null;
    }

    /** Whether this session's sign-in happened within the window before {@code now}. */
    public static boolean signedInWithin(HttpServletRequest request, Duration window, Instant now) {
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SIGNED_IN_AT);
        return signedInAt instanceof Long millis && now.toEpochMilli() - millis <= window.toMillis();
    }

    /**
     * Refuses ({@code 403 reauthentication_required}) unless this session signed in within the
     * window: changing the caller's passkeys (adding, renaming, deleting) needs a recent sign-in,
     * so that a stolen session cannot quietly change them.
     */
    public static void requireSignedInWithin(HttpServletRequest request, Duration window) {
        if (!signedInWithin(request, window, Instant.now())) {
            throw new Refusal(PasskeyErrorCode.REAUTHENTICATION_REQUIRED);
        }
    }

    /**
     * The page a signed-out browser asked for, worth returning to after the sign-in, or
     * {@code null}. Only local paths of GET requests: a path starting with {@code //} or holding a
     * backslash would let a crafted link redirect to another site.
     */
    static String returnToOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) || !uri.startsWith("/") || uri.startsWith("//") || uri.contains("\\")) {
            return null;
        }
        String query = request.getQueryString();
        return query == null ? uri : uri + "?" + query;
    }

    /** Remembers the page to return to after the sign-in. */
    static void rememberReturnTo(HttpSession session, String returnTo) {
        session.setAttribute(RETURN_TO, returnTo);
    }

    /** Takes the remembered page, if any. */
    static String takeReturnTo(HttpSession session) {
        Object returnTo = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        return returnTo instanceof String path ? path : null;
    }
}
