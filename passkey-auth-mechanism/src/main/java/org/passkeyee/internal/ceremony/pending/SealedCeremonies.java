package org.passkeyee.internal.ceremony.pending;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * A stranger's pending ceremony (a sign-in, a sign-up), carried by the browser in a cookie, sealed
 * ({@link CeremonySeal}), so that starting one holds nothing on the server and creates no HTTP
 * session: a flood of options requests costs the server no memory and locks nobody out, and any
 * server of a cluster that has the key finishes a ceremony another started.
 *
 * <p>Why a cookie rather than a field in the JSON: the HTTP contract, the widgets' script, the
 * test client and third-party scripts all post back only the browser's WebAuthn answer; a cookie
 * travels with that post unchanged (the widgets fetch with {@code credentials: 'same-origin'},
 * which is also {@code fetch}'s default). It is {@code HttpOnly} (no script reads it),
 * {@code SameSite=Strict} (no other site's page sends it), {@code Secure} on a secure request, and
 * scoped to the passkey endpoints ({@code Path} = context path + endpoint prefix), one per kind,
 * living just longer than the ceremony and cleared when taken.
 *
 * <p>Taking a sealed state does not make it single use: the browser (or whoever copied the
 * cookie) can send it again. Single use is decided where the ceremony ends, in the store, on
 * every server alike: a sign-in records its challenge with the passkey atomically
 * ({@link org.passkeyee.PasskeyCredentialStore#recordSignIn}), and a sign-up's user handle can be
 * stored once. The ceremonies MUST keep those checks.
 */
final class SealedCeremonies {

    static final String SIGN_IN_COOKIE = "PASSKEY_SIGN_IN";
    static final String SIGN_UP_COOKIE = "PASSKEY_SIGN_UP";
    /** The cookie outlives the ceremony a little, so a late answer is told it expired rather than not found. */
    private static final Duration COOKIE_SLACK = Duration.ofSeconds(60);
    /** Browsers keep at least 4,096 bytes of a cookie's name, value and attributes. */
    private static final int COOKIE_WARNING_CHARS = 3800;
    private static final Logger LOG = Logger.getLogger(SealedCeremonies.class.getName());

    private final CeremonySeal seal;
    private final String endpointPrefix;
    private final int cookieSeconds;
    private final Clock clock;

    SealedCeremonies(CeremonySeal seal, String endpointPrefix, Duration timeout, Clock clock) {
        this.seal = seal;
        this.endpointPrefix = endpointPrefix;
        this.cookieSeconds = (int) timeout.plus(COOKIE_SLACK).toSeconds();
        this.clock = clock;
    }

    /**
     * Hands the browser the sealed ceremony, replacing one of its kind it carries. A state too
     * long for every browser to keep (a username-first sign-in listing dozens of long credential
     * IDs) is still sent, with a warning: a browser that drops it gets {@code ceremony_not_found}.
     */
    void put(HttpServletRequest request, HttpServletResponse response, PendingCeremony ceremony) {
        String sealed = seal.seal(ceremony);
        if (sealed.length() > COOKIE_WARNING_CHARS) {
            LOG.warning(() -> "Passkey: a sealed " + ceremony.kind() + " ceremony of " + sealed.length() + " characters is"
                    + " more than some browsers keep in a cookie (about 4,000); an account with very many passkeys?");
        }
        response.addCookie(cookie(request, cookieName(ceremony.kind()), sealed, cookieSeconds));
    }

    /**
     * Opens the ceremony of {@code kind} the browser brought back, and tells it to forget it.
     *
     * @throws Refusal {@code ceremony_not_found} when there is none, or none this server's keys
     *         sealed for this kind and RP ID (changed, cut, of another kind or key); {@code ceremony_expired}
     *         when it is too old
     */
    PendingCeremony take(HttpServletRequest request, HttpServletResponse response, PendingCeremony.Kind kind) {
        String name = cookieName(kind);
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        Optional<PendingCeremony> opened = Optional.empty();
        boolean carried = false;
        for (Cookie cookie : cookies) {
            if (cookie != null && name.equals(cookie.getName())) {
                carried = true;
                opened = seal.open(kind, cookie.getValue());
                if (opened.isPresent()) {
                    break;
                }
            }
        }
        if (carried) {
            forget(request, response, kind);
        }
        PendingCeremony ceremony = opened.orElseThrow(() -> kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND));
        if (ceremony.isExpiredAt(clock.instant())) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_EXPIRED);
        }
        return ceremony;
    }

    /** Whether the browser carries a cookie of this kind, opened or not. */
    boolean carries(HttpServletRequest request, PendingCeremony.Kind kind) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        String name = cookieName(kind);
        for (Cookie cookie : cookies) {
            if (cookie != null && name.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Tells the browser to forget its ceremony of this kind. */
    void forget(HttpServletRequest request, HttpServletResponse response, PendingCeremony.Kind kind) {
        response.addCookie(cookie(request, cookieName(kind), "", 0));
    }

    private static String cookieName(PendingCeremony.Kind kind) {
        return switch (kind) {
            case SIGN_IN -> SIGN_IN_COOKIE;
            case SIGN_UP -> SIGN_UP_COOKIE;
            case ADD_PASSKEY -> throw new IllegalArgumentException("A signed-in caller's ceremony stays in the session");
        };
    }

    private Cookie cookie(HttpServletRequest request, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath() + endpointPrefix);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
