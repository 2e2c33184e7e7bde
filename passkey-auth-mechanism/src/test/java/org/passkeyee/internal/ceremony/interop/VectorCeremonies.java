package org.passkeyee.internal.ceremony.interop;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.UserIdentity;
import static org.mockito.Mockito.mock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.ceremony.InProcessCeremonies;
import org.passkeyee.internal.ceremony.VerifiedSignIn;
import org.passkeyee.internal.ceremony.SessionSignIn;
import org.passkeyee.internal.ceremony.pending.BrowserCookies;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;
import org.passkeyee.internal.shared.Refusal;

/**
 * TEST-ONLY: puts a recorded vector through our own ceremonies, as the endpoints run them, on an
 * in-memory store configured with the vector's RP ID and origin: a signed-in caller adds the
 * passkey (the pending registration started by our {@code RegistrationCeremony}, its challenge
 * replaced by the vector's), then signs in with the stored key (our sign-in options, usernameless
 * when the assertion names its user, username-first otherwise, the challenge replaced likewise).
 */
final class VectorCeremonies {

    static final String CALLER = "interop-caller";
    private static final SessionSignIn PASSWORD_SIGN_IN =
            new SessionSignIn("org.example.PasswordStore", null);

    private VectorCeremonies() {
    }

    /**
     * Runs the vector's registration and, when accepted, its assertion. A {@link Refusal} is an
     * outcome; any other exception escapes.
     */
    static Outcome run(InteropVector vector, InteropVector.Variant variant) {
        InProcessCeremonies ceremonies = InProcessCeremonies.of(
                configuration(vector, variant == InteropVector.Variant.TOP_ORIGIN_ALLOWED));
        HttpServletRequest request = SessionRequest.of(CALLER);
        InteropVector.Registration registration = variant == InteropVector.Variant.ATTESTATION_AS_NONE
                ? vector.registration().withAttestationObject(NoneAttestation.of(vector.registration().attestationObject()))
                : vector.registration();
        StoredPasskey[] stored = new StoredPasskey[1];
        String registered = outcome(() -> stored[0] = register(ceremonies, request, vector, registration));
        if (stored[0] == null || vector.assertion().isEmpty()) {
            return new Outcome(registered, null, stored[0], null);
        }
        VerifiedSignIn[] verified = new VerifiedSignIn[1];
        String signIn = outcome(() -> verified[0] = signIn(ceremonies, request, vector));
        return new Outcome(registered, signIn, stored[0], verified[0]);
    }

    /** Adds the recorded passkey to {@link #CALLER}, our pending registration carrying the recorded challenge. */
    static StoredPasskey register(InProcessCeremonies ceremonies, HttpServletRequest request, InteropVector vector,
                                  InteropVector.Registration registration) {
        PublicKeyCredentialCreationOptions ours =
                ceremonies.registration().startAddPasskey(request, mock(HttpServletResponse.class), CALLER, PASSWORD_SIGN_IN, false);
        UserIdentity user = vector.assertion().flatMap(InteropVector.Assertion::userHandle)
                .map(handle -> ours.getUser().toBuilder().id(handle).build())
                .orElse(ours.getUser());
        ceremonies.pending().putAddition(request, mock(HttpServletResponse.class),
                ours.toBuilder().challenge(registration.challenge()).user(user).build(), CALLER, false);
        return ceremonies.registration().completeAddition(request, CALLER, PASSWORD_SIGN_IN,
                BrowserResponses.registration(registration), null);
    }

    private static VerifiedSignIn signIn(InProcessCeremonies ceremonies, HttpServletRequest request,
                                                                InteropVector vector) {
        InteropVector.Assertion assertion = vector.assertion().orElseThrow();
        BrowserCookies browser = new BrowserCookies();
        browser.attachTo(request);
        ceremonies.authentication().start(request, browser.response(), assertion.userHandle().isPresent() ? null : CALLER);
        PendingCeremony ours = ceremonies.pending().takeSignIn(request, browser.response());
        AssertionRequest started = ours.assertionRequest();
        AssertionRequest withChallenge = started.toBuilder()
                .publicKeyCredentialRequestOptions(started.getPublicKeyCredentialRequestOptions().toBuilder()
                        .challenge(assertion.challenge()).build())
                .build();
        PendingCeremony pending = PendingCeremony.signIn(withChallenge, ours.username(), ours.expiresAt());
        ByteArray credentialId = vector.registration().credentialId();
        return ceremonies.authentication().finish(pending, BrowserResponses.assertion(credentialId, assertion));
    }

    private static String outcome(Runnable ceremony) {
        try {
            ceremony.run();
            return InteropVector.Expected.ACCEPTED;
        } catch (Refusal refusal) {
            return refusal.code().name();
        }
    }

    /** The defaults of the extension, with the vector's RP ID and origin. */
    static PasskeyConfiguration configuration(InteropVector vector, boolean topOriginAllowed) {
        return new PasskeyConfiguration(vector.rpId(), "Interop", List.of(vector.origin()), UserVerificationPolicy.PREFERRED,
                Duration.ofMinutes(5), "/passkey", false, "/login.html", "/", Duration.ofMinutes(5), 65536, 1_000_000, true,
                topOriginAllowed ? List.of(vector.topOriginToAllow()) : List.of(), 5, Duration.ofMinutes(5), "");
    }

    /**
     * What our ceremonies answered.
     *
     * @param registration {@code accepted} or the refusal's code
     * @param signIn       {@code accepted}, the refusal's code, or {@code null} when not tried
     * @param stored       the stored passkey, when the registration was accepted
     * @param verified     the verified sign-in, when accepted
     */
    record Outcome(String registration, String signIn, StoredPasskey stored, VerifiedSignIn verified) {
    }
}
