package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.SignInDestination;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.AuthenticationCeremony;
import org.passkeyee.internal.ceremony.VerifiedSignIn;
import org.passkeyee.internal.ceremony.RegistrationCeremony;
import org.passkeyee.internal.security.CallerAccounts;
import org.passkeyee.internal.security.SessionState;
import org.passkeyee.internal.security.VouchingStores;

/**
 * The ceremony endpoints the servlet serves: options for both ceremonies, adding a passkey, the
 * answer to a sign-in the mechanism performed, a signed-in caller's step-up, and sign-out.
 */
@Singleton
public class CeremonyEndpoints {

    private final PasskeyConfiguration configuration;
    private final RegistrationCeremony registration;
    private final AuthenticationCeremony authentication;
    private final PasskeySummaries summaries;
    private final JsonRequestReader reader;
    private final RequestedHints requestedHints;
    private final VouchingStores vouchingStores;
    private final CallerAccounts callerAccounts;

    @Inject
    CeremonyEndpoints(PasskeyConfiguration configuration, RegistrationCeremony registration,
                      AuthenticationCeremony authentication, PasskeySummaries summaries, VouchingStores vouchingStores,
                      CallerAccounts callerAccounts) {
        this.configuration = configuration;
        this.registration = registration;
        this.authentication = authentication;
        this.summaries = summaries;
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
        this.requestedHints = new RequestedHints(configuration.hints());
        this.vouchingStores = vouchingStores;
        this.callerAccounts = callerAccounts;
    }

    /** {@code POST /register/options}: a signed-in caller adds a passkey; anyone else signs up. */
    void registrationOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = reader.readObject(request);
        List<String> hints = requestedHints.of(body);
        Principal caller = request.getUserPrincipal();
        PublicKeyCredentialCreationOptions options;
        if (caller != null) {
            requireRecentSignIn(request);
            options = registration.startAddPasskey(request, response, caller.getName(), vouchingStores.sessionSignIn(request),
                    conditional(body));
        } else {
            String username = JsonRequestReader.optionalText(body, "username");
            if (username == null) {
                throw new Refusal(PasskeyErrorCode.NOT_AUTHENTICATED,
                        "Sign in to add a passkey, or give a username to create an account.");
            }
            options = registration.startSignUp(request, response, username, JsonRequestReader.optionalText(body, "displayName"));
        }
        JsonAnswers.write(response, HttpServletResponse.SC_OK, RequestedHints.applied(options, hints));
    }

    /**
     * {@code POST /register}: after a sign-up the mechanism already completed, its answer;
     * otherwise the signed-in caller's new passkey.
     */
    void register(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignInOutcome signUp = SignInOutcome.of(request);
        if (signUp != null && signUp.newPasskey() != null) {
            ObjectNode answer = summaries.summary(signUp.newPasskey());
            answer.put("authenticated", true).put("username", signUp.username())
                    .put("redirect", SignInDestination.of(request).orElse(null));
            JsonAnswers.write(response, HttpServletResponse.SC_CREATED, answer);
            return;
        }
        ObjectNode body = reader.readObject(request);
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            throw new Refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        requireRecentSignIn(request);
        JsonNode credential = body.get("credential");
        if (!(credential instanceof ObjectNode)) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'credential' must be an object.");
        }
        var passkey = registration.completeAddition(request, caller.getName(), vouchingStores.sessionSignIn(request), credential,
                JsonRequestReader.optionalText(body, "label"));
        JsonAnswers.write(response, HttpServletResponse.SC_CREATED, summaries.summary(passkey));
    }

    /**
     * {@code POST /reauthenticate/options}: a step-up, the signed-in caller asked to prove again
     * with one of their passkeys who they are, without leaving the page.
     */
    void stepUpOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> hints = requestedHints.of(reader.readObject(request));
        PasskeyUser account = ownAccount(request);
        JsonAnswers.write(response, HttpServletResponse.SC_OK,
                RequestedHints.applied(authentication.startStepUp(request, account), hints));
    }

    /**
     * {@code POST /reauthenticate}: the step-up's answer; a verified one counts as a fresh proof
     * (the re-authentication window starts again, {@link org.passkeyee.CallerProofs} says so).
     */
    void stepUp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = reader.readObject(request);
        PasskeyUser account = ownAccount(request);
        VerifiedSignIn verified = authentication.finishStepUp(request, body, account);
        SessionState.markSteppedUp(request, Instant.now(), verified.userVerified());
        JsonAnswers.write(response, HttpServletResponse.SC_OK, Json.MAPPER.createObjectNode()
                .put("reauthenticated", true).put("userVerified", verified.userVerified()));
    }

    /** The signed-in caller's own passkey account ({@code 404 passkey_not_found} when they have none). */
    private PasskeyUser ownAccount(HttpServletRequest request) {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            throw new Refusal(PasskeyErrorCode.NOT_AUTHENTICATED);
        }
        return callerAccounts.of(request, caller.getName()).orElseThrow(() -> new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND,
                        "There is no passkey to confirm it is you with: sign in again."));
    }

    /** {@code POST /login/options}: request options, usernameless or for a username. */
    void loginOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = reader.readObject(request);
        List<String> hints = requestedHints.of(body);
        PublicKeyCredentialRequestOptions options = authentication.start(request, response, JsonRequestReader.optionalText(body, "username"));
        JsonAnswers.write(response, HttpServletResponse.SC_OK, RequestedHints.applied(options, hints));
    }

    /** {@code POST /login}: the mechanism signed the caller in; answer where to go. */
    void loginAnswer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignInOutcome outcome = SignInOutcome.of(request);
        if (outcome == null) {
            throw new Refusal(PasskeyErrorCode.CEREMONY_NOT_FOUND);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode()
                .put("authenticated", true)
                .put("username", outcome.username())
                .put("redirect", SignInDestination.of(request).orElse(null));
        JsonAnswers.write(response, HttpServletResponse.SC_OK, answer);
    }

    /** {@code POST /logout}: signs out and ends the session. */
    void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IOException("The container refused to sign the caller out", e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        JsonAnswers.noContent(response);
    }

    private static boolean conditional(ObjectNode body) {
        JsonNode conditional = body.get("conditional");
        if (conditional == null || conditional.isNull()) {
            return false;
        }
        if (!conditional.isBoolean()) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'conditional' must be true or false.");
        }
        return conditional.booleanValue();
    }

    private void requireRecentSignIn(HttpServletRequest request) {
        SessionState.requireSignedInWithin(request, configuration.reauthenticationWindow());
    }
}
