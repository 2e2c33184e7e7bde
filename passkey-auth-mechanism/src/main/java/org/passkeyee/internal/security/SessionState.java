package org.passkeyee.internal.security;

import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.exception.Base64UrlException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.Refusal;

/**
 * What the module keeps in the HTTP session besides pending ceremonies: when and how the caller
 * signed in (changing passkeys needs a recent sign-in), which identity store vouched for them,
 * their groups and when those were last checked.
 */
public final class SessionState {

    private static final String SIGNED_IN_AT = "org.passkeyee.signed-in-at";
    private static final String SIGNED_IN_WITH = "org.passkeyee.signed-in-with";
    private static final String CALLER_GROUPS = "org.passkeyee.caller-groups";
    private static final String VOUCHED_BY = "org.passkeyee.vouched-by";
    private static final String PASSKEY_ACCOUNT = "org.passkeyee.passkey-account";
    private static final String CHECKED_AT = "org.passkeyee.checked-at";

    private SessionState() {
    }

    /** How a session signed in: shown to the page, so it can offer a passkey after a password. */
    public enum SignInMethod {
        PASSKEY, PASSWORD, OTHER;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Records a sign-in.
     *
     * @param vouchedBy      the key of the identity store that vouched for the caller's name
     * @param passkeyAccount the user handle of the passkey account signed in to, or {@code null}
     */
    static void markSignedIn(HttpSession session, Instant now, SignInMethod method, Set<String> groups, String vouchedBy,
                             ByteArray passkeyAccount) {
        session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
        session.setAttribute(SIGNED_IN_WITH, method.name());
        session.setAttribute(CALLER_GROUPS, groups.toArray(new String[0]));
        session.setAttribute(CHECKED_AT, now.toEpochMilli());
        session.setAttribute(VOUCHED_BY, vouchedBy);
        if (passkeyAccount == null) {
            session.removeAttribute(PASSKEY_ACCOUNT);
        } else {
            session.setAttribute(PASSKEY_ACCOUNT, passkeyAccount.getBase64Url());
        }
    }

    /** The key of the store that vouched for this session's caller; {@code none} if the module did not sign it in. */
    static String vouchedBy(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object vouchedBy = session == null ? null : session.getAttribute(VOUCHED_BY);
        return vouchedBy instanceof String key ? key : PasskeyUser.NO_VOUCHING_STORE;
    }

    /** The user handle of the passkey account this session signed in to, or {@code null}. */
    static ByteArray passkeyAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object account = session == null ? null : session.getAttribute(PASSKEY_ACCOUNT);
        try {
            return account instanceof String handle ? ByteArray.fromBase64Url(handle) : null;
        } catch (Base64UrlException impossible) {
            return null;
        }
    }

    /** Whether the session's caller was last checked ({@link SessionRecheck}) longer ago than {@code interval}. */
    static boolean recheckDue(HttpSession session, Instant now, Duration interval) {
        Object checkedAt = session.getAttribute(CHECKED_AT);
        if (!(checkedAt instanceof Long)) {
            checkedAt = session.getAttribute(SIGNED_IN_AT);
        }
        return !(checkedAt instanceof Long millis) || now.toEpochMilli() - millis > interval.toMillis();
    }

    /** Records a re-check and the caller's groups it found ({@code null}: the groups stay as they were). */
    static void rechecked(HttpSession session, Instant now, Set<String> groups) {
        session.setAttribute(CHECKED_AT, now.toEpochMilli());
        if (groups != null) {
            session.setAttribute(CALLER_GROUPS, groups.toArray(new String[0]));
        }
    }

    /** The groups the caller had when this session signed in or was last re-checked, or {@code null}. */
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
}
