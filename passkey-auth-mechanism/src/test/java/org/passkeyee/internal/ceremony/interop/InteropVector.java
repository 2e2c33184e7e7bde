package org.passkeyee.internal.ceremony.interop;

import com.yubico.webauthn.data.ByteArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TEST-ONLY: one recorded registration of an authenticator, and the assertion made with that same
 * credential where its source gives one, with the outcome our ceremonies must reach.
 *
 * @param source         the short label of the data file's source, e.g. {@code W3C WebAuthn L3 test vectors}
 * @param name           the vector's name in its source
 * @param device         the authenticator that made it
 * @param format         the attestation format ({@code none}, {@code packed}, {@code tpm}, ...)
 * @param algorithm      the credential's algorithm ({@code ES256}, {@code RS256}, ...)
 * @param rpId           the RP ID it was made for
 * @param origin         the origin in its client data
 * @param topOriginToAllow for a vector that ran in a frame of another origin ({@code crossOrigin} or
 *                       {@code topOrigin} in its client data), the top-level origin put in
 *                       {@code passkey.allowed-top-origins} for its second run; else {@code null}
 * @param registration   the registration
 * @param assertion      the assertion made later with the same credential, if the source gives one
 * @param expected       the outcome with {@code passkey.allowed-top-origins} empty (the default)
 * @param expectedFramed the outcome with {@code topOriginToAllow} allowed; {@code null} for a vector that did not run in a frame
 * @param expectedAsNone for an attested registration, the outcome when its attestation statement is
 *                       replaced by {@code none}, as a browser does for an RP asking attestation
 *                       {@code none} (WebAuthn §5.1.3), which ours does; else {@code null}
 */
public record InteropVector(String source, String name, String device, String format, String algorithm, String rpId,
                            String origin, String topOriginToAllow, Registration registration, Optional<Assertion> assertion,
                            Expected expected, Expected expectedFramed, Expected expectedAsNone) {

    /** Whether the vector says it ran in a frame of another origin ({@code crossOrigin} or {@code topOrigin}). */
    public boolean framed() {
        return topOriginToAllow != null;
    }

    /** The runs this vector takes, each with its expected outcome. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(Variant.AS_RECORDED, expected));
        if (framed()) {
            runs.add(new Run(Variant.TOP_ORIGIN_ALLOWED, expectedFramed));
        }
        if (expectedAsNone != null) {
            runs.add(new Run(Variant.ATTESTATION_AS_NONE, expectedAsNone));
        }
        return runs;
    }

    /** This vector with another registration, e.g. one a test broke. */
    public InteropVector withRegistration(Registration replacement) {
        return new InteropVector(source, name, device, format, algorithm, rpId, origin, topOriginToAllow, replacement,
                assertion, expected, expectedFramed, expectedAsNone);
    }

    /** How a vector is run. */
    public enum Variant {
        /** As recorded, with {@code passkey.allowed-top-origins} empty (the default). */
        AS_RECORDED,
        /** As recorded, with the vector's {@code topOriginToAllow} allowed. */
        TOP_ORIGIN_ALLOWED,
        /** Its attestation statement replaced by {@code none}, the authenticator data unchanged. */
        ATTESTATION_AS_NONE
    }

    /** One run of the vector and the outcome it must have. */
    public record Run(Variant variant, Expected expected) {
    }

    /** The registration: the RP's challenge and the browser's answer. */
    public record Registration(ByteArray challenge, ByteArray credentialId, ByteArray clientDataJson,
                               ByteArray attestationObject) {

        /** This registration with another attestation object. */
        public Registration withAttestationObject(ByteArray replacement) {
            return new Registration(challenge, credentialId, clientDataJson, replacement);
        }
    }

    /** An assertion: the RP's challenge and the browser's answer ({@code userHandle} may be absent). */
    public record Assertion(ByteArray challenge, ByteArray clientDataJson, ByteArray authenticatorData, ByteArray signature,
                            Optional<ByteArray> userHandle) {
    }

    /**
     * The outcomes the data file asserts, each {@code accepted} or a {@code PasskeyErrorCode} name.
     *
     * @param registration the registration's outcome
     * @param signIn       the sign-in's outcome; {@code null} when there is no assertion or the registration is refused
     * @param why          why, when something is refused
     */
    public record Expected(String registration, String signIn, String why) {

        /** The word for an accepted ceremony. */
        public static final String ACCEPTED = "accepted";
    }
}
