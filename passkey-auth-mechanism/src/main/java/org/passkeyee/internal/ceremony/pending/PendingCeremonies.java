package org.passkeyee.internal.ceremony.pending;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.config.CeremonyKey;
import org.passkeyee.internal.shared.Refusal;

/**
 * Where started ceremonies wait for the browser's answer, by who started them:
 * <ul>
 *   <li>a stranger's (sign-in options, sign-up options) with the browser, sealed in a cookie
 *       ({@link SealedCeremonies}): nothing is held on the server and no HTTP session is
 *       created, so no flood of options requests can fill the memory or lock others out;</li>
 *   <li>a signed-in caller's (adding a passkey, a step-up) in their HTTP session, one per kind.</li>
 * </ul>
 * The sign-in options are sealed whoever asks: {@code POST {prefix}/login} is finished before
 * the container knows the caller, so its ceremony must not depend on a session.
 *
 * <p>A ceremony is taken, never read: taking removes it (a session's atomically, under a lock
 * striped by session ID, since a plain get-then-remove on a session is not; a cookie's by telling
 * the browser to forget it) before anyone verifies it. A sealed state can still be sent again, so
 * its single use is decided where the ceremony ends, in the store (see {@link SealedCeremonies}).
 */
@Singleton
public class PendingCeremonies {

    static final String REGISTRATION_ATTRIBUTE = "org.passkeyee.pending-registration";
    static final String STEP_UP_ATTRIBUTE = "org.passkeyee.pending-step-up";
    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];
    private final Duration timeout;
    private final Clock clock;
    private final SealedCeremonies sealed;

    @Inject
    public PendingCeremonies(PasskeyConfiguration configuration, CeremonyKey key) {
        this(configuration.ceremonyTimeout(), new CeremonySeal(key, configuration.rpId()), configuration.endpointPrefix(),
                Clock.systemUTC());
    }

    PendingCeremonies(Duration timeout, CeremonySeal seal, String endpointPrefix, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.sealed = new SealedCeremonies(seal, endpointPrefix, timeout, clock);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The deadline of ceremonies started now. */
    public Duration timeout() {
        return timeout;
    }

    /** Starts a sign-in, sealed into the browser, replacing the one it carries; no session is touched. */
    public PendingCeremony putSignIn(HttpServletRequest request, HttpServletResponse response, AssertionRequest assertionRequest,
                                     String username) {
        PendingCeremony ceremony = PendingCeremony.signIn(assertionRequest, username, deadline());
        sealed.put(request, response, ceremony);
        return ceremony;
    }

    /**
     * Starts a sign-up, sealed into the browser, replacing the one it carries and a registration
     * pending in an existing session (a registration is one ceremony at a time, whatever its kind).
     * No session is created.
     */
    public PendingCeremony putSignUp(HttpServletRequest request, HttpServletResponse response,
                                     PublicKeyCredentialCreationOptions options, String username) {
        PendingCeremony ceremony = PendingCeremony.registration(PendingCeremony.Kind.SIGN_UP, options, username, deadline(), false);
        HttpSession session = request.getSession(false);
        if (session != null) {
            synchronized (lockFor(session)) {
                session.removeAttribute(REGISTRATION_ATTRIBUTE);
            }
        }
        sealed.put(request, response, ceremony);
        return ceremony;
    }

    /**
     * Starts adding a passkey for the signed-in caller, in their session, replacing a pending
     * addition and a sign-up the browser carries.
     *
     * @param conditional whether the browser was asked for a conditional create
     */
    public PendingCeremony putAddition(HttpServletRequest request, HttpServletResponse response,
                                       PublicKeyCredentialCreationOptions options, String username, boolean conditional) {
        PendingCeremony ceremony = PendingCeremony.registration(PendingCeremony.Kind.ADD_PASSKEY, options, username, deadline(),
                conditional);
        if (sealed.carries(request, PendingCeremony.Kind.SIGN_UP)) {
            sealed.forget(request, response, PendingCeremony.Kind.SIGN_UP);
        }
        putInSession(request, REGISTRATION_ATTRIBUTE, ceremony);
        return ceremony;
    }

    /** Starts a step-up for the signed-in caller, in their session, replacing a pending one. */
    public PendingCeremony putStepUp(HttpServletRequest request, AssertionRequest assertionRequest, String username) {
        PendingCeremony ceremony = PendingCeremony.signIn(assertionRequest, username, deadline());
        putInSession(request, STEP_UP_ATTRIBUTE, ceremony);
        return ceremony;
    }

    /**
     * Takes the sign-in the browser carries, telling it to forget it.
     *
     * @throws Refusal {@code ceremony_not_found} when there is none (never started, already
     *         taken, changed, sealed with another key) and {@code ceremony_expired} when it is too old
     */
    public PendingCeremony takeSignIn(HttpServletRequest request, HttpServletResponse response) {
        return sealed.take(request, response, PendingCeremony.Kind.SIGN_IN);
    }

    /**
     * Takes the sign-up the browser carries, telling it to forget it.
     *
     * @throws Refusal as {@link #takeSignIn}
     */
    public PendingCeremony takeSignUp(HttpServletRequest request, HttpServletResponse response) {
        return sealed.take(request, response, PendingCeremony.Kind.SIGN_UP);
    }

    /**
     * Takes the session's pending addition of a passkey.
     *
     * @throws Refusal {@code ceremony_not_found} when there is none (never started, already
     *         used) and {@code ceremony_expired} when it is too old
     */
    public PendingCeremony takeAddition(HttpServletRequest request) {
        return takeFromSession(request, REGISTRATION_ATTRIBUTE, PendingCeremony.Kind.ADD_PASSKEY);
    }

    /**
     * Takes the session's pending step-up.
     *
     * @throws Refusal as {@link #takeAddition}, as a refused sign-in
     */
    public PendingCeremony takeStepUp(HttpServletRequest request) {
        return takeFromSession(request, STEP_UP_ATTRIBUTE, PendingCeremony.Kind.SIGN_IN);
    }

    /**
     * Whether a caller who is not signed in carries a sign-up (opened or not), which
     * {@code POST {prefix}/register} then completes as a sign-in. A signed-in caller's
     * {@code /register} is always an addition: a sign-up cookie left over, or set by a page of a
     * sibling domain, must not stand in its way.
     */
    public boolean isSignUpPending(HttpServletRequest request) {
        return request.getUserPrincipal() == null && sealed.carries(request, PendingCeremony.Kind.SIGN_UP);
    }

    private java.time.Instant deadline() {
        return clock.instant().plus(timeout);
    }

    private void putInSession(HttpServletRequest request, String attribute, PendingCeremony ceremony) {
        HttpSession session = request.getSession(true);
        synchronized (lockFor(session)) {
            session.setAttribute(attribute, ceremony);
        }
    }

    private PendingCeremony takeFromSession(HttpServletRequest request, String attribute, PendingCeremony.Kind kind) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        PendingCeremony ceremony;
        synchronized (lockFor(session)) {
            ceremony = session.getAttribute(attribute) instanceof PendingCeremony pending ? pending : null;
            if (ceremony == null || ceremony.kind() != kind) {
                throw kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
            }
            session.removeAttribute(attribute);
        }
        if (ceremony.isExpiredAt(clock.instant())) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_EXPIRED);
        }
        return ceremony;
    }

    private Object lockFor(HttpSession session) {
        return locks[Math.floorMod(session.getId().hashCode(), STRIPES)];
    }
}
