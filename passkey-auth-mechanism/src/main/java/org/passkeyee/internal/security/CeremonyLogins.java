package org.passkeyee.internal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeySignInFailed;
import org.passkeyee.PasskeySignInThrottled;
import org.passkeyee.PasskeySignedIn;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.SignInDestination;
import org.passkeyee.internal.LogText;
import org.passkeyee.internal.Refusal;
import org.passkeyee.internal.ceremony.RegistrationCeremony;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;
import org.passkeyee.internal.http.JsonAnswers;
import org.passkeyee.internal.http.JsonRequestReader;

/**
 * The requests that sign someone in through the container: a passkey sign-in, a completed
 * sign-up, and a credential the application passes to {@code SecurityContext.authenticate}
 * (its own password form). The passkey ones take their pending ceremony, have the credential
 * validated through the {@link IdentityStoreHandler} (the passkey store verifies it and throws its
 * {@link Refusal}; the application's other stores add groups), then log the caller in with a new
 * session ID. Refusals are answered here as JSON, as decided where they were thrown, and end the
 * request.
 */
@Singleton
public class CeremonyLogins {

    private static final Logger LOG = Logger.getLogger(CeremonyLogins.class.getName());
    /** 1,023 bytes in base64url without padding. */
    private static final int MAX_CREDENTIAL_ID_CHARS = 1364;

    private final PasskeyConfiguration configuration;
    private final PendingCeremonies pendingCeremonies;
    private final RegistrationCeremony registration;
    private final IdentityStoreHandler identityStoreHandler;
    private final FailedSignIns failedSignIns;
    private final Event<PasskeySignedIn> signedIn;
    private final Event<PasskeySignInFailed> signInFailed;
    private final Event<PasskeySignInThrottled> signInThrottled;
    private final JsonRequestReader reader;
    private final CrossSiteRequests crossSite;
    private final VouchingStores vouchingStores;
    private final ReturnToCookie returnTo;

    @Inject
    CeremonyLogins(PasskeyConfiguration configuration, PendingCeremonies pendingCeremonies, RegistrationCeremony registration,
                   IdentityStoreHandler identityStoreHandler, FailedSignIns failedSignIns, Event<PasskeySignedIn> signedIn,
                   Event<PasskeySignInFailed> signInFailed, Event<PasskeySignInThrottled> signInThrottled,
                   VouchingStores vouchingStores) {
        this.configuration = configuration;
        this.pendingCeremonies = pendingCeremonies;
        this.registration = registration;
        this.identityStoreHandler = identityStoreHandler;
        this.failedSignIns = failedSignIns;
        this.signedIn = signedIn;
        this.signInFailed = signInFailed;
        this.signInThrottled = signInThrottled;
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
        this.crossSite = new CrossSiteRequests(configuration.origins());
        this.vouchingStores = vouchingStores;
        this.returnTo = new ReturnToCookie(configuration.ceremonyTimeout());
    }

    /**
     * Remembers the protected page a signed-out browser asked for, for the sign-in answer to lead
     * back to, in a cookie ({@link ReturnToCookie}): nothing is held on the server for it.
     */
    void rememberReturnTo(HttpServletRequest request, HttpServletResponse response) {
        returnTo.remember(request, response);
    }

    /** Whether this session's pending registration is a sign-up, which the mechanism completes. */
    boolean isSignUpPending(HttpServletRequest request) {
        return pendingCeremonies.pendingRegistrationKind(request) == PendingCeremony.Kind.SIGN_UP;
    }

    AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        if (crossSite.isCrossSite(request)) {
            return refuseCrossSite(request, response);
        }
        String presentedId = null;
        PendingCeremony pending = null;
        try {
            ObjectNode body = reader.readObject(request);
            presentedId = presentedCredentialId(body);
            pending = pendingCeremonies.take(request, PendingCeremony.Kind.SIGN_IN);
            PasskeyAssertionCredential assertion = new PasskeyAssertionCredential(pending, body);
            CredentialValidationResult result = identityStoreHandler.validate(assertion);
            if (result.getStatus() != CredentialValidationResult.Status.VALID || assertion.verified() == null) {
                // Only a handler that swallowed the passkey store's refusal gets here.
                throw Refusal.ofSignIn(PasskeyErrorCode.ASSERTION_REJECTED);
            }
            failedSignIns.succeeded(presentedId, pending.username());
            String caller = result.getCallerPrincipal().getName();
            String credentialId = presentedId;
            LOG.info(() -> "Passkey sign-in: caller=" + LogText.header(caller) + " credential=" + LogText.shortId(credentialId));
            signedIn.fire(new PasskeySignedIn(caller, credentialId));
            PasskeyUser owner = assertion.verified().owner();
            return login(request, context, result, null, SessionState.SignInMethod.PASSKEY, assertion.verified().userVerified(),
                    vouchingStores.vouchedByOf(owner), owner.userHandle());
        } catch (Refusal refusal) {
            // A guess needs a ceremony to answer; a refusal of what the key itself signed is none.
            boolean failedGuess = pending != null && !refusal.genuine();
            return refuseSignIn(request, response, refusal, presentedId, failedGuess ? pending.username() : null, failedGuess);
        } catch (PasskeyStoreException | TransactionalException storeDown) {
            return storeUnavailable(response, storeDown);
        } catch (RuntimeException fault) {
            return internalError(request, response, fault);
        }
    }

    AuthenticationStatus signUp(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        if (crossSite.isCrossSite(request)) {
            return refuseCrossSite(request, response);
        }
        try {
            ObjectNode body = reader.readObject(request);
            JsonNode credential = body.get("credential");
            if (!(credential instanceof ObjectNode)) {
                throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'credential' must be an object.");
            }
            RegistrationCeremony.NewAccount account = registration.completeSignUp(
                    request, credential, JsonRequestReader.optionalText(body, "label"));
            CredentialValidationResult result = identityStoreHandler.validate(new PasskeySignUpCredential(account.username()));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throw new IllegalStateException("The passkey identity store did not accept a completed sign-up; "
                        + "is another identity store of higher priority refusing it?");
            }
            return login(request, context, result, account, SessionState.SignInMethod.PASSKEY, account.passkey().uvInitialized(),
                    PasskeyUser.NO_VOUCHING_STORE, account.passkey().userHandle());
        } catch (Refusal refusal) {
            JsonAnswers.error(response, refusal);
            return AuthenticationStatus.SEND_FAILURE;
        } catch (PasskeyStoreException | TransactionalException storeDown) {
            return storeUnavailable(response, storeDown);
        } catch (RuntimeException fault) {
            return internalError(request, response, fault);
        }
    }

    /**
     * Signs a caller in with a credential the application passed to
     * {@code SecurityContext.authenticate} (a password, typically), validated by the
     * application's own identity stores. A refusal returns {@code SEND_FAILURE} and leaves the
     * response to the application's page; so does a request from a page of another site (login
     * forgery), before any store sees the credential.
     */
    AuthenticationStatus signInWith(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        if (credential instanceof PasskeyAssertionCredential || credential instanceof PasskeySignUpCredential) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (crossSite.isCrossSite(request)) {
            LOG.fine(() -> "Sign-in refused: a request from another site (Origin " + LogText.header(request.getHeader("Origin")) + ")");
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStoreHandler.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "Sign-in refused: credential=" + credential.getClass().getSimpleName()
                    + " remote=" + request.getRemoteAddr());
            return AuthenticationStatus.SEND_FAILURE;
        }
        SessionState.SignInMethod method = credential instanceof UsernamePasswordCredential
                ? SessionState.SignInMethod.PASSWORD : SessionState.SignInMethod.OTHER;
        LOG.info(() -> "Sign-in: caller=" + LogText.header(result.getCallerPrincipal().getName()) + " with=" + method.jsonName());
        return login(request, context, result, null, method, false, vouchingStores.identify(credential, result), null);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
                                       CredentialValidationResult result, RegistrationCeremony.NewAccount account,
                                       SessionState.SignInMethod method, boolean userVerified, String vouchedBy,
                                       ByteArray passkeyAccount) {
        HttpSession session = request.getSession(true);
        String returnTo = this.returnTo.take(request, context.getResponse());
        request.changeSessionId();
        PendingCeremonies.signedIn(session);
        int minutes = request.getServletContext().getSessionTimeout();
        session.setMaxInactiveInterval(minutes > 0 ? minutes * 60 : -1);
        SessionState.markSignedIn(session, Instant.now(), method, userVerified, result.getCallerGroups(), vouchedBy, passkeyAccount);
        String caller = result.getCallerPrincipal().getName();
        String redirect = returnTo != null ? returnTo : request.getContextPath() + configuration.defaultRedirect();
        new SignInOutcome(caller, redirect, account == null ? null : account.passkey()).attachTo(request);
        request.setAttribute(SignInDestination.REQUEST_ATTRIBUTE, redirect);
        context.setRegisterSession(caller, result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Answers a refused sign-in with its refusal, or, for a failed guess (a refused answer to a
     * pending ceremony, not signed by the passkey's key), with {@code too_many_failed_sign_ins}
     * when the passkey or the name asked for has failed too often lately ({@link FailedSignIns}).
     * The refusal event and log line always carry the real reason.
     */
    private AuthenticationStatus refuseSignIn(HttpServletRequest request, HttpServletResponse response, Refusal refusal,
                                              String presentedId, String askedFor, boolean failedGuess) throws IOException {
        PasskeyErrorCode code = refusal.code();
        LOG.info(() -> "Passkey sign-in refused: reason=" + code.code() + " credential=" + LogText.shortId(presentedId)
                + " remote=" + request.getRemoteAddr());
        signInFailed.fire(new PasskeySignInFailed(code, presentedId, request.getRemoteAddr()));
        List<FailedSignIns.Throttling> throttled = failedGuess ? failedSignIns.failed(presentedId, askedFor) : List.of();
        for (FailedSignIns.Throttling throttling : throttled) {
            if (throttling.started()) {
                LOG.warning(() -> "Passkey sign-ins throttled after " + throttling.failures() + " failures: "
                        + (throttling.username() != null ? "username=" + LogText.header(throttling.username())
                                : "credential=" + LogText.shortId(throttling.credentialId())));
                signInThrottled.fire(new PasskeySignInThrottled(throttling.credentialId(), throttling.username(),
                        throttling.failures(), throttling.retryAfter()));
            }
        }
        Refusal answer = throttled.stream().map(FailedSignIns.Throttling::retryAfter).max(Duration::compareTo)
                .map(Refusal::tooManyFailedSignIns).orElse(refusal);
        JsonAnswers.error(response, answer);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The credential ID the sign-in names, if it looks like one (base64url, at most WebAuthn's
     * 1,023 bytes): it names the passkey in events, logs and the failure counts.
     */
    private static String presentedCredentialId(ObjectNode body) {
        String id = body.path("id").textValue();
        if (id == null || id.isEmpty() || id.length() > MAX_CREDENTIAL_ID_CHARS) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        return id;
    }

    /**
     * A forged request from another site: refused before the body is read, without a refusal
     * event (it says nothing about the caller's passkeys, and must not flood the audit trail).
     */
    private AuthenticationStatus refuseCrossSite(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonAnswers.error(response, reader.refuseUnread(request, PasskeyErrorCode.CROSS_SITE_REQUEST));
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A bug, not a refusal: logged with its stack trace, answered with a bare JSON 500. */
    private static AuthenticationStatus internalError(HttpServletRequest request, HttpServletResponse response,
                                                      RuntimeException fault) throws IOException {
        LOG.log(java.util.logging.Level.SEVERE, "Passkey sign-in failed: " + request.getMethod() + " " + request.getRequestURI(), fault);
        JsonAnswers.internalError(response);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus storeUnavailable(HttpServletResponse response, RuntimeException failure)
            throws IOException {
        LOG.warning(() -> "Passkey store unavailable: " + LogText.storeFailure(failure));
        JsonAnswers.error(response, new Refusal(PasskeyErrorCode.STORE_UNAVAILABLE));
        return AuthenticationStatus.SEND_FAILURE;
    }
}
