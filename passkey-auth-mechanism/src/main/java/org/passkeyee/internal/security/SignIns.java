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
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeySignInFailed;
import org.passkeyee.PasskeySignInThrottled;
import org.passkeyee.PasskeySignedIn;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.ceremony.NewAccount;
import org.passkeyee.internal.ceremony.RegistrationCeremony;
import org.passkeyee.internal.ceremony.UsernamePolicy;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.WebXmlLogin;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;

/**
 * Signs callers in through the container: a passkey sign-in, a completed sign-up, and a
 * credential the application passes to {@code SecurityContext.authenticate} (its own password
 * form). The passkey ones take their pending ceremony, have the credential validated through the
 * {@link IdentityStoreHandler} (the passkey store verifies it and throws its {@link Refusal}; the
 * application's other stores add groups), count failed guesses ({@link FailedSignIns}), then log
 * the caller in with a new session ID. Reading the request and writing the answer is the HTTP
 * edge's; this returns who signed in, or throws the refusal to answer.
 */
@Singleton
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class.getName());
    /** 1,023 bytes in base64url without padding. */
    private static final int MAX_CREDENTIAL_ID_CHARS = 1364;

    private final PendingCeremonies pendingCeremonies;
    private final RegistrationCeremony registration;
    private final IdentityStoreHandler identityStoreHandler;
    private final FailedSignIns failedSignIns;
    private final Event<PasskeySignedIn> signedIn;
    private final Event<PasskeySignInFailed> signInFailed;
    private final Event<PasskeySignInThrottled> signInThrottled;
    private final VouchingStores vouchingStores;
    private final AuthenticatorPolicy authenticatorPolicy;

    @Inject
    SignIns(PendingCeremonies pendingCeremonies, RegistrationCeremony registration, IdentityStoreHandler identityStoreHandler,
            FailedSignIns failedSignIns, Event<PasskeySignedIn> signedIn, Event<PasskeySignInFailed> signInFailed,
            Event<PasskeySignInThrottled> signInThrottled, VouchingStores vouchingStores, AuthenticatorPolicy authenticatorPolicy) {
        this.pendingCeremonies = pendingCeremonies;
        this.registration = registration;
        this.identityStoreHandler = identityStoreHandler;
        this.failedSignIns = failedSignIns;
        this.signedIn = signedIn;
        this.signInFailed = signInFailed;
        this.signInThrottled = signInThrottled;
        this.vouchingStores = vouchingStores;
        this.authenticatorPolicy = authenticatorPolicy;
    }

    /**
     * A caller the container was told about.
     *
     * @param caller     the caller's name
     * @param status     what the container answered ({@code SUCCESS})
     * @param newPasskey the passkey a sign-up created, or {@code null} for a sign-in
     */
    public record SignedIn(String caller, AuthenticationStatus status, StoredPasskey newPasskey) {
    }

    /** Whether the browser carries a pending sign-up, which completes as a sign-in. */
    public boolean isSignUpPending(HttpServletRequest request) {
        return pendingCeremonies.isSignUpPending(request);
    }

    /**
     * Signs in with the answer to the sign-in the browser carries. A refused one creates no
     * session: only a sign-in that succeeds does ({@link #login}).
     *
     * @param response the browser's AuthenticationResponseJSON
     * @throws Refusal the reason it failed, or {@code too_many_failed_sign_ins} for a guess
     *         after too many failed ones
     */
    public SignedIn passkey(HttpServletRequest request, HttpMessageContext context, ObjectNode response) {
        String presentedId = presentedCredentialId(response);
        PendingCeremony pending = null;
        try {
            pending = pendingCeremonies.takeSignIn(request, context.getResponse());
            PasskeyAssertionCredential assertion = new PasskeyAssertionCredential(pending, response);
            CredentialValidationResult result = identityStoreHandler.validate(assertion);
            if (result.getStatus() != CredentialValidationResult.Status.VALID || assertion.verified() == null) {
                // Only a handler that swallowed the passkey store's refusal gets here.
                throw Refusal.ofSignIn(PasskeyErrorCode.ASSERTION_REJECTED);
            }
            failedSignIns.succeeded(presentedId, pending.username());
            String caller = result.getCallerPrincipal().getName();
            LOG.info(() -> "Passkey sign-in: caller=" + LogText.header(caller) + " credential=" + LogText.shortId(presentedId));
            signedIn.fire(new PasskeySignedIn(caller, presentedId));
            PasskeyUser owner = assertion.verified().owner();
            String vouchedBy = vouchingStores.vouchedByOf(owner);
            return login(request, context, withoutRolesNotMet(result, assertion.verified().passkey()), null, SessionState.SignInMethod.PASSKEY, assertion.verified().userVerified(),
                    vouchedBy, owner.userHandle(), vouchingStores.realmGroupsFromContainer(vouchedBy,
                            WebXmlLogin.of(request.getServletContext()).realmName()));
        } catch (Refusal refusal) {
            // A guess needs a ceremony to answer; a refusal of what the key itself signed is none.
            boolean failedGuess = pending != null && !refusal.genuine();
            throw refused(request, refusal, presentedId, failedGuess ? pending.username() : null, failedGuess);
        }
    }

    /**
     * The result without the groups of roles whose {@code passkey.role-policies} rule the passkey
     * does not meet ({@link AuthenticatorPolicy#rolesNotMetBy}): the caller signs in with the
     * rest, and the log says which roles were withheld and why.
     */
    private CredentialValidationResult withoutRolesNotMet(CredentialValidationResult result, StoredPasskey passkey) {
        Set<String> withheld = authenticatorPolicy.rolesNotMetBy(passkey, result.getCallerGroups());
        if (withheld.isEmpty()) {
            return result;
        }
        LOG.warning(() -> "Passkey sign-in without roles " + new TreeSet<>(withheld) + ": the passkey credential="
                + LogText.shortId(passkey.credentialId().getBase64Url()) + " (aaguid=" + passkey.aaguid() + ") of caller="
                + LogText.header(result.getCallerPrincipal().getName()) + " does not meet their passkey.role-policies rules;"
                + " a passkey that does, added now, signs in with them");
        Set<String> groups = new HashSet<>(result.getCallerGroups());
        groups.removeAll(withheld);
        return new CredentialValidationResult(result.getIdentityStoreId(), result.getCallerPrincipal(), result.getCallerDn(),
                result.getCallerUniqueId(), groups);
    }

    /**
     * Completes the sign-up the browser carries with the browser's registration response, and
     * signs the new caller in.
     *
     * @param label the new passkey's name, or {@code null}
     * @throws Refusal when the response or the sign-up is refused
     */
    public SignedIn signUp(HttpServletRequest request, HttpMessageContext context, JsonNode credential, String label) {
        NewAccount account = registration.completeSignUp(request, context.getResponse(), credential, label);
        CredentialValidationResult result = identityStoreHandler.validate(new PasskeySignUpCredential(account.username()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throw new IllegalStateException("The passkey identity store did not accept a completed sign-up; "
                    + "is another identity store of higher priority refusing it?");
        }
        return login(request, context, result, account.passkey(), SessionState.SignInMethod.PASSKEY,
                account.passkey().uvInitialized(), PasskeyUser.NO_VOUCHING_STORE, account.passkey().userHandle(), false);
    }

    /**
     * Signs a caller in with a credential the application passed to
     * {@code SecurityContext.authenticate} (a password, typically), validated by the
     * application's own identity stores; {@code null} when they refuse it (or it is one of the
     * passkey credentials, which only this class makes).
     */
    public SignedIn credential(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        if (credential instanceof PasskeyAssertionCredential || credential instanceof PasskeySignUpCredential) {
            return null;
        }
        VouchingStores.Validation validation = vouchingStores.validate(credential, identityStoreHandler);
        CredentialValidationResult result = validation.result();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "Sign-in refused: credential=" + credential.getClass().getSimpleName()
                    + " remote=" + request.getRemoteAddr());
            return null;
        }
        SessionState.SignInMethod method = credential instanceof UsernamePasswordCredential
                ? SessionState.SignInMethod.PASSWORD : SessionState.SignInMethod.OTHER;
        LOG.info(() -> "Sign-in: caller=" + LogText.header(result.getCallerPrincipal().getName()) + " with=" + method.jsonName());
        return login(request, context, result, null, method, false, validation.vouchedBy(), null, false);
    }

    /**
     * Signs a caller in with the username and password of a login form the application already
     * had (web.xml FORM, {@code j_security_check}), validated by its identity stores as
     * {@link #credential} does. The name must pass the name policy unchanged before any store
     * sees it, and a name with too many failed attempts waits before its password is tried again.
     *
     * @return who signed in, or {@code null} when refused (logged)
     */
    public SignedIn password(String username, String password, HttpServletRequest request, HttpMessageContext context) {
        String name;
        try {
            name = UsernamePolicy.callerName(username);
        } catch (Refusal notAName) {
            LOG.info(() -> "Sign-in refused: a name the policy refuses, remote=" + request.getRemoteAddr());
            return null;
        }
        if (password == null || failedSignIns.waitBeforeTrying(name).isPresent()) {
            LOG.info(() -> "Sign-in refused: " + (password == null ? "no password" : "too many failed attempts")
                    + " for caller=" + LogText.header(name) + " remote=" + request.getRemoteAddr());
            return null;
        }
        SignedIn signedIn = credential(new UsernamePasswordCredential(name, new Password(password)), request, context);
        if (signedIn == null) {
            failedSignIns.failed(null, name);
        } else {
            failedSignIns.succeeded(null, name);
        }
        return signedIn;
    }

    /**
     * Signs an API client in for this request only, with HTTP Basic credentials
     * ({@code passkey.basic-auth}) validated by the application's identity stores: no session, no
     * redirect. The name must pass the name policy unchanged before any store sees it, and a name
     * with too many failed attempts waits before its password is tried again.
     *
     * @throws Refusal {@code invalid_credentials}, or {@code too_many_failed_sign_ins}
     */
    public AuthenticationStatus basic(String username, Password password, HttpServletRequest request,
                                      HttpMessageContext context) {
        String name;
        try {
            name = UsernamePolicy.callerName(username);
        } catch (Refusal notAName) {
            LOG.info(() -> "Basic sign-in refused: a name the policy refuses, remote=" + request.getRemoteAddr());
            throw new Refusal(PasskeyErrorCode.INVALID_CREDENTIALS);
        }
        failedSignIns.waitBeforeTrying(name).ifPresent(wait -> {
            throw Refusal.tooManyFailedSignIns(wait);
        });
        CredentialValidationResult result = identityStoreHandler.validate(new UsernamePasswordCredential(name, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info(() -> "Basic sign-in refused: caller=" + LogText.header(name) + " remote=" + request.getRemoteAddr());
            Refusal refusal = failedSignIns.failed(null, name).stream().map(FailedSignIns.Throttling::retryAfter)
                    .max(Duration::compareTo).map(Refusal::tooManyFailedSignIns)
                    .orElseGet(() -> new Refusal(PasskeyErrorCode.INVALID_CREDENTIALS));
            throw refusal;
        }
        failedSignIns.succeeded(null, name);
        LOG.fine(() -> "Basic sign-in: caller=" + LogText.header(result.getCallerPrincipal().getName()));
        return ContainerCaller.signIn(context, result);
    }

    private SignedIn login(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result,
                           StoredPasskey newPasskey, SessionState.SignInMethod method, boolean userVerified, String vouchedBy,
                           ByteArray passkeyAccount, boolean containerRealmGroups) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        int minutes = request.getServletContext().getSessionTimeout();
        session.setMaxInactiveInterval(minutes > 0 ? minutes * 60 : -1);
        SessionState.markSignedIn(session, Instant.now(), method, userVerified, result.getCallerGroups(), vouchedBy, passkeyAccount,
                containerRealmGroups);
        String caller = result.getCallerPrincipal().getName();
        context.setRegisterSession(caller, result.getCallerGroups());
        return new SignedIn(caller, ContainerCaller.signIn(context, result, containerRealmGroups), newPasskey);
    }

    /** A sign-in refused before its ceremony was looked at (its body unreadable): logged and told as any. */
    public Refusal refusedUnread(HttpServletRequest request, Refusal refusal) {
        return refused(request, refusal, null, null, false);
    }

    /**
     * The refusal to answer a refused sign-in with: its own, or, for a failed guess (a refused
     * answer to a pending ceremony, not signed by the passkey's key), {@code too_many_failed_sign_ins}
     * when the passkey or the name asked for has failed too often lately. The refusal event and
     * log line always carry the real reason.
     */
    private Refusal refused(HttpServletRequest request, Refusal refusal, String presentedId, String askedFor,
                            boolean failedGuess) {
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
        return throttled.stream().map(FailedSignIns.Throttling::retryAfter).max(Duration::compareTo)
                .map(Refusal::tooManyFailedSignIns).orElse(refusal);
    }

    /**
     * The credential ID the sign-in names, if it looks like one (base64url, at most WebAuthn's
     * 1,023 bytes): it names the passkey in events, logs and the failure counts.
     */
    private static String presentedCredentialId(ObjectNode response) {
        String id = response.path("id").textValue();
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
}
