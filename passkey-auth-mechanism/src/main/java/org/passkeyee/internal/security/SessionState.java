package org.passkeyee.internal.security;

import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.exception.Base64UrlException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.passkeyee.CallerProof;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.Refusal;

/**
 * What the module keeps in the HTTP session besides pending ceremonies: when and how the caller
 * signed in (changing passkeys needs a recent sign-in), which identity store vouched for them,
 * their groups and when those were last checked.
 */
public final class SessionState {

    private static final String SIGNED_IN_AT = "org.passkeyee.signed-in-at";
    private static final String SIGNED_IN_WITH = "org.passkeyee.signed-in-with";
    private static final String CALLER_GROUPS = "org.passkeyee.caller-groups";
    private static final String CONTAINER_REALM_GROUPS = "org.passkeyee.container-realm-groups";
    private static final String VOUCHED_BY = "org.passkeyee.vouched-by";
    private static final String PASSKEY_ACCOUNT = "org.passkeyee.passkey-account";
    private static final String CHECKED_AT = "org.passkeyee.checked-at";
    private static final String PROVED_AT = "org.passkeyee.proved-at";
    private static final String PROVED_WITH = "org.passkeyee.proved-with";
    private static final String PROVED_USER_VERIFIED = "org.passkeyee.proved-user-verified";

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
     * @param userVerified   whether the authenticator verified the person (passkeys only)
     * @param vouchedBy      the key of the identity store that vouched for the caller's name
     * @param passkeyAccount the user handle of the passkey account signed in to, or {@code null}
     */
    static void markSignedIn(HttpSession session, Instant now, SignInMethod method, boolean userVerified, Set<String> groups,
                             String vouchedBy, ByteArray passkeyAccount, boolean containerRealmGroups) {
        if (containerRealmGroups) {
            session.setAttribute(CONTAINER_REALM_GROUPS, Boolean.TRUE);
        } else {
            session.removeAttribute(CONTAINER_REALM_GROUPS);
        }
        session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
        session.setAttribute(SIGNED_IN_WITH, method.name());
        markProved(session, now, method, userVerified);
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

    /**
     * Records a re-check and the caller's groups it found ({@code null}: the groups stay as they
     * were). A re-check only narrows: the session keeps those of its groups the stores still give,
     * never one it did not have (a store whose sign-in gave credential-scoped groups, a read-only
     * login, keeps that scope; a group given later takes effect at the next sign-in).
     */
    static void rechecked(HttpSession session, Instant now, Set<String> groups) {
        session.setAttribute(CHECKED_AT, now.toEpochMilli());
        if (groups != null && session.getAttribute(CALLER_GROUPS) instanceof String[] held) {
            session.setAttribute(CALLER_GROUPS, Arrays.stream(held).filter(groups::contains).toArray(String[]::new));
        }
    }

    /** The groups the caller had when this session signed in or was last re-checked, or {@code null}. */
    public static String[] callerGroups(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object groups = session == null ? null : session.getAttribute(CALLER_GROUPS);
        return groups instanceof String[] names ? names.clone() : null;
    }

    /**
     * Whether this session's caller keeps the groups the container adds itself for the
     * application's realm ({@link VouchingStores#realmGroupsFromContainer}), beside the recorded ones.
     */
    public static boolean keepsContainerRealmGroups(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(CONTAINER_REALM_GROUPS));
    }

    /** How this session signed in, or {@code null} if the module did not sign it in. */
    public static SignInMethod signedInWith(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object method = session == null ? null : session.getAttribute(SIGNED_IN_WITH);
        return method instanceof String name ? SignInMethod.valueOf(name) : null;
    }

    /** Records that the caller proved who they are: a sign-in, or a later step-up with a passkey. */
    static void markProved(HttpSession session, Instant now, SignInMethod method, boolean userVerified) {
        session.setAttribute(PROVED_AT, now.toEpochMilli());
        session.setAttribute(PROVED_WITH, method.name());
        session.setAttribute(PROVED_USER_VERIFIED, userVerified && method == SignInMethod.PASSKEY);
    }

    /** Records a step-up: the signed-in caller proved again, with a passkey, who they are. */
    public static void markSteppedUp(HttpServletRequest request, Instant now, boolean userVerified) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            markProved(session, now, SignInMethod.PASSKEY, userVerified);
        }
    }

    /** The caller's last proof in this session, or {@code null} if the module did not sign it in. */
    public static CallerProof lastProof(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object at = session.getAttribute(PROVED_AT);
        Object with = session.getAttribute(PROVED_WITH);
        if (!(at instanceof Long millis) || !(with instanceof String method)) {
            return null;
        }
        return new CallerProof(CallerProof.Method.valueOf(method), Instant.ofEpochMilli(millis),
                Boolean.TRUE.equals(session.getAttribute(PROVED_USER_VERIFIED)));
    }

    /** Whether the caller's last proof (sign-in or step-up) happened within the window before {@code now}. */
    public static boolean signedInWithin(HttpServletRequest request, Duration window, Instant now) {
        CallerProof proof = lastProof(request);
        return proof != null && now.toEpochMilli() - proof.at().toEpochMilli() <= window.toMillis();
    }

    /**
     * Refuses ({@code 403 reauthentication_required}) unless this session's caller proved who they
     * are within the window (a sign-in, or a step-up with a passkey): changing the caller's
     * passkeys (adding, renaming, deleting) needs a recent proof, so that a stolen session cannot
     * quietly change them.
     */
    public static void requireSignedInWithin(HttpServletRequest request, Duration window) {
        if (!signedInWithin(request, window, Instant.now())) {
            throw new Refusal(PasskeyErrorCode.REAUTHENTICATION_REQUIRED);
        }
    }
}
