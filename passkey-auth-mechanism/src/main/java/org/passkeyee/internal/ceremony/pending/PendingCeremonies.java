package org.passkeyee.internal.ceremony.pending;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * Keeps at most one pending registration and one pending sign-in per HTTP session.
 *
 * <p>A pending ceremony is single use: {@link #take} removes it before anyone verifies it, and
 * does so atomically, so two concurrent posts of one response cannot both find it. (A plain
 * get-then-remove on the session is not atomic.) The lock is striped by session ID; it holds
 * for one server, which is what sticky sessions give a cluster.
 *
 * <p>A session created only to hold an anonymous ceremony gets an inactive interval just longer
 * than the ceremony, so abandoned ceremonies do not pile up in memory, and there are at most
 * {@code passkey.max-anonymous-ceremonies} such sessions at a time (see
 * {@link AnonymousCeremonyBudget}).
 */
@Singleton
public class PendingCeremonies {

    static final String REGISTRATION_ATTRIBUTE = "org.passkeyee.pending-registration";
    static final String AUTHENTICATION_ATTRIBUTE = "org.passkeyee.pending-authentication";
    static final String ANONYMOUS_TICKET_ATTRIBUTE = "org.passkeyee.anonymous-ceremony";
    private static final int STRIPES = 64;
    private static final Duration ANONYMOUS_SESSION_SLACK = Duration.ofSeconds(60);

    private final Object[] locks = new Object[STRIPES];
    private final Duration timeout;
    private final Clock clock;
    private final AnonymousCeremonyBudget anonymousBudget;

    @Inject
    public PendingCeremonies(PasskeyConfiguration configuration) {
        this(configuration.ceremonyTimeout(), configuration.maxAnonymousCeremonies(), Clock.systemUTC());
    }

    PendingCeremonies(Duration timeout, int maxAnonymousCeremonies, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.anonymousBudget = new AnonymousCeremonyBudget(maxAnonymousCeremonies);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Starts a sign-in for this request's session, replacing a pending one.
     *
     * @throws Refusal {@code too_many_ceremonies} when it would need a new anonymous
     *         session and there are too many; no session is created then
     */
    public PendingCeremony putSignIn(HttpServletRequest request, AssertionRequest assertionRequest, String username) {
        return put(request, PendingCeremony.signIn(assertionRequest, username, clock.instant().plus(timeout)));
    }

    /**
     * Starts a registration (possibly a conditional create), replacing a pending one.
     *
     * @throws Refusal {@code too_many_ceremonies} as {@link #putSignIn}
     */
    public PendingCeremony putRegistration(HttpServletRequest request, PendingCeremony.Kind kind,
                                           PublicKeyCredentialCreationOptions options, String username, boolean conditional) {
        return put(request, PendingCeremony.registration(kind, options, username, clock.instant().plus(timeout), conditional));
    }

    private PendingCeremony put(HttpServletRequest request, PendingCeremony ceremony) {
        HttpSession session = sessionFor(request);
        synchronized (lockFor(session)) {
            session.setAttribute(ceremony.kind().sessionAttribute(), ceremony);
        }
        return ceremony;
    }

    /**
     * The request's session; one created for an anonymous caller (here or earlier in this request)
     * lives just longer than the ceremony and takes a place in the anonymous budget. Also for what
     * else a signed-out caller leaves in the session before signing in (the page to return to).
     *
     * @throws Refusal {@code too_many_ceremonies} when a new anonymous session would be
     *         needed and there are too many; no session is created then
     */
    public HttpSession sessionFor(HttpServletRequest request) {
        HttpSession existing = request.getSession(false);
        boolean anonymousNew = (existing == null || existing.isNew()) && request.getUserPrincipal() == null;
        if (!anonymousNew || existing != null && existing.getAttribute(ANONYMOUS_TICKET_ATTRIBUTE) != null) {
            return existing != null ? existing : request.getSession(true);
        }
        AnonymousCeremonyBudget.Ticket ticket = anonymousBudget.take();
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) timeout.plus(ANONYMOUS_SESSION_SLACK).toSeconds());
        session.setAttribute(ANONYMOUS_TICKET_ATTRIBUTE, ticket);
        return session;
    }

    /** The session now belongs to a signed-in caller: its place in the anonymous budget is freed. */
    public static void signedIn(HttpSession session) {
        session.removeAttribute(ANONYMOUS_TICKET_ATTRIBUTE);
    }

    /** Sessions held for anonymous ceremonies right now. */
    int anonymousSessions() {
        return anonymousBudget.held();
    }

    /** The deadline of ceremonies started now. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Removes and returns the pending ceremony of the slot {@code kind} uses.
     *
     * @throws Refusal {@code ceremony_not_found} when there is none (never started,
     *         already used, or of another kind) and {@code ceremony_expired} when it is too old
     */
    public PendingCeremony take(HttpServletRequest request, PendingCeremony.Kind kind) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        PendingCeremony ceremony;
        synchronized (lockFor(session)) {
            ceremony = (PendingCeremony) session.getAttribute(kind.sessionAttribute());
            if (ceremony == null || ceremony.kind() != kind) {
                throw kind.refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
            }
            session.removeAttribute(kind.sessionAttribute());
        }
        if (ceremony.isExpiredAt(clock.instant())) {
            throw kind.refusal(PasskeyErrorCode.CEREMONY_EXPIRED);
        }
        return ceremony;
    }

    /** The kind of the pending registration, without taking it; {@code null} when there is none. */
    public PendingCeremony.Kind pendingRegistrationKind(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object ceremony = session.getAttribute(REGISTRATION_ATTRIBUTE);
        return ceremony instanceof PendingCeremony pending ? pending.kind() : null;
    }

    private Object lockFor(HttpSession session) {
        return locks[Math.floorMod(session.getId().hashCode(), STRIPES)];
    }
}
