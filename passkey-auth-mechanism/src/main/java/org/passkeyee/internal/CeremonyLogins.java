package org.passkeyee.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeySignInFailed;
import org.passkeyee.PasskeySignedIn;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.SignInDestination;
import jakarta.transaction.TransactionalException;

/**
 * The requests that sign someone in through the container: a passkey sign-in, a completed
 * sign-up, and a credential the application passes to {@code SecurityContext.authenticate}
 * (its own password form). The passkey ones take its pending ceremony, has the credential validated through the
 * {@link IdentityStoreHandler} (so the application's other stores add groups), then logs the
 * caller in with a new session ID. Refusals are answered here as JSON and end the request.
 */
@Singleton
public class CeremonyLogins {

    private static final Logger LOG = Logger.getLogger(CeremonyLogins.class.getName());

    private final PasskeyRelyingParty relyingParty;
    private final RegistrationCeremony registration;
    private final IdentityStoreHandler identityStoreHandler;
    private final Event<PasskeySignedIn> signedIn;
    private final Event<PasskeySignInFailed> signInFailed;
    private final JsonRequestReader reader;
    private final CrossSiteRequests crossSite;

    @Inject
    CeremonyLogins(PasskeyRelyingParty relyingParty, RegistrationCeremony registration,
                   IdentityStoreHandler identityStoreHandler, Event<PasskeySignedIn> signedIn,
                   Event<PasskeySignInFailed> signInFailed) {
        this.relyingParty = relyingParty;
        this.registration = registration;
        this.identityStoreHandler = identityStoreHandler;
        this.signedIn = signedIn;
        this.signInFailed = signInFailed;
        this.reader = new JsonRequestReader(relyingParty.configuration().maxRequestBytes());
        this.crossSite = new CrossSiteRequests(relyingParty.configuration().origins());
    }

    /**
     * Remembers the protected page a signed-out browser asked for, for the sign-in answer to lead
     * back to. The session this needs is an anonymous one (short-lived, within
     * {@code passkey.max-anonymous-ceremonies}), so that requests for protected pages cannot
     * fill the heap with sessions; beyond the cap nothing is remembered.
     */
    void rememberReturnTo(HttpServletRequest request) {
        String returnTo = SessionState.returnToOf(request);
        if (returnTo == null) {
            return;
        }
        try {
            SessionState.rememberReturnTo(relyingParty.pendingCeremonies().sessionFor(request), returnTo);
        } catch (CeremonyException tooManySessions) {
            LOG.fine("Not remembering the page asked for: too many anonymous sessions");
        }
    }

    /** Whether this session's pending registration is a sign-up, which the mechanism completes. */
    boolean isSignUpPending(HttpServletRequest request) {
        return relyingParty.pendingCeremonies().pendingRegistrationKind(request) == PendingCeremony.Kind.SIGN_UP;
    }

    AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        if (crossSite.isCrossSite(request)) {
            return refuseCrossSite(request, response);
        }
        String presentedId = null;
        try {
            ObjectNode body = reader.readObject(request);
            presentedId = body.path("id").isTextual() ? body.get("id").textValue() : null;
            PendingCeremony pending = relyingParty.pendingCeremonies().take(request, PendingCeremony.Kind.SIGN_IN);
            PasskeyAssertionCredential credential = new PasskeyAssertionCredential(pending, body.toString());
            CredentialValidationResult result = identityStoreHandler.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throw new CeremonyException(credential.refusal());
            }
            String caller = result.getCallerPrincipal().getName();
            LOG.info(() -> "Passkey sign-in: caller=" + caller + " credential=" + LogText.shortId(credential.credentialId()));
            signedIn.fire(new PasskeySignedIn(caller, credential.credentialId()));
            return login(request, context, result, null, SessionState.SignInMethod.PASSKEY);
        } catch (CeremonyException refusal) {
            return refuseSignIn(request, response, refusal, presentedId);
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
                throw new CeremonyException(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'credential' must be an object.");
            }
            RegistrationCeremony.NewAccount account = registration.completeSignUp(
                    request, credential.toString(), JsonRequestReader.optionalText(body, "label"));
            CredentialValidationResult result = identityStoreHandler.validate(new PasskeySignUpCredential(account.username()));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throw new IllegalStateException("The passkey identity store did not accept a completed sign-up; "
                        + "is another identity store of higher priority refusing it?");
            }
            return login(request, context, result, account, SessionState.SignInMethod.PASSKEY);
        } catch (CeremonyException refusal) {
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
        LOG.info(() -> "Sign-in: caller=" + result.getCallerPrincipal().getName() + " with=" + method.jsonName());
        return login(request, context, result, null, method);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
                                       CredentialValidationResult result, RegistrationCeremony.NewAccount account,
                                       SessionState.SignInMethod method) {
        HttpSession session = request.getSession(true);
        String returnTo = SessionState.takeReturnTo(session);
        request.changeSessionId();
        PendingCeremonies.signedIn(session);
        int minutes = request.getServletContext().getSessionTimeout();
        session.setMaxInactiveInterval(minutes > 0 ? minutes * 60 : -1);
        SessionState.markSignedIn(session, Instant.now(), method, result.getCallerGroups());
        String caller = result.getCallerPrincipal().getName();
        String redirect = returnTo != null ? returnTo : request.getContextPath() + relyingParty.configuration().defaultRedirect();
        new SignInOutcome(caller, redirect, account == null ? null : account.passkey()).attachTo(request);
        request.setAttribute(SignInDestination.REQUEST_ATTRIBUTE, redirect);
        context.setRegisterSession(caller, result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus refuseSignIn(HttpServletRequest request, HttpServletResponse response,
                                              CeremonyException refusal, String presentedId) throws IOException {
        PasskeyErrorCode code = refusal.code();
        LOG.info(() -> "Passkey sign-in refused: reason=" + code.code() + " credential=" + LogText.shortId(presentedId)
                + " remote=" + request.getRemoteAddr());
        signInFailed.fire(new PasskeySignInFailed(code, presentedId, request.getRemoteAddr()));
        int status = code.status() == 400 && code != PasskeyErrorCode.MALFORMED_REQUEST ? 401 : code.status();
        JsonAnswers.error(response, code, status, refusal.getMessage());
        return AuthenticationStatus.SEND_FAILURE;
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
        JsonAnswers.error(response, new CeremonyException(PasskeyErrorCode.STORE_UNAVAILABLE));
        return AuthenticationStatus.SEND_FAILURE;
    }
}
