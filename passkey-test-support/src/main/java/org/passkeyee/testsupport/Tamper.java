package org.passkeyee.testsupport;

/**
 * What a {@link SoftwareAuthenticator} should get wrong in one ceremony, so that a test breaks
 * exactly one thing at a time. Start with {@link #none()} and chain:
 * {@code Tamper.none().corruptSignature()}. The origin is not here: it is a parameter of
 * every ceremony method.
 */
public final class Tamper {

    private String rpIdHashOf;
    private String clientDataType;
    private boolean corruptSignature;
    private Long signCount;
    private boolean unknownCredential;
    private String challenge;
    private Integer flags;
    private String credentialId;
    private String topOrigin;
    private Integer credentialIdLength;
    private String credentialKeyCurve;
    private boolean signedNoneStatement;

    private Tamper() {
    }

    /** Nothing tampered with: an honest authenticator. */
    public static Tamper none() {
        return new Tamper();
    }

    /** Hash this RP ID into the authenticator data instead of the real one. */
    public Tamper rpIdHashOf(String rpId) {
        this.rpIdHashOf = rpId;
        return this;
    }

    /** Put this {@code type} into the client data, e.g. {@code webauthn.create} in a sign-in. */
    public Tamper clientDataType(String type) {
        this.clientDataType = type;
        return this;
    }

    /**
     * Sign data with one byte flipped: the signature stays well-formed DER but does not verify
     * over what is sent.
     */
    public Tamper corruptSignature() {
        this.corruptSignature = true;
        return this;
    }

    /** Report this signature count in the assertion (and remember it for the next one). */
    public Tamper signCount(long count) {
        this.signCount = count;
        return this;
    }

    /** Answer with a fresh credential ID the server never saw, signed by a key the authenticator holds. */
    public Tamper unknownCredential() {
        this.unknownCredential = true;
        return this;
    }

    /** Answer this challenge (base64url) instead of the one in the options. */
    public Tamper challenge(String base64UrlChallenge) {
        this.challenge = base64UrlChallenge;
        return this;
    }

    /** Send exactly these authenticator data flags instead of the usual ones. */
    public Tamper flags(int flagBits) {
        this.flags = flagBits;
        return this;
    }

    /** Sign in with this held credential (base64url ID) rather than the first one that fits. */
    public Tamper useCredential(String base64UrlCredentialId) {
        this.credentialId = base64UrlCredentialId;
        return this;
    }

    /**
     * Run the ceremony as if in a frame of another site: {@code crossOrigin: true} and this
     * {@code topOrigin} in the (signed) client data.
     */
    public Tamper framedBy(String topLevelOrigin) {
        this.topOrigin = topLevelOrigin;
        return this;
    }

    /** Register a credential ID of this many bytes instead of 32 (WebAuthn allows at most 1,023). */
    public Tamper credentialIdLength(int bytes) {
        this.credentialIdLength = bytes;
        return this;
    }

    /**
     * Make the new credential's key on this curve ({@code secp384r1} or {@code secp521r1}) and still
     * declare it ES256 (COSE alg -7), which WebAuthn §5.8.5 reserves for P-256 keys; the
     * authenticator signs with it (ECDSA over SHA-256) as with any other key.
     */
    public Tamper credentialKeyCurve(String curve) {
        this.credentialKeyCurve = curve;
        return this;
    }

    /**
     * Answer with a {@code none} attestation whose statement is not the empty map WebAuthn §8.7
     * defines: {@code alg} -7 and {@code sig}, a signature by the credential key over the
     * authenticator data and the client data hash (the members of a packed self attestation).
     */
    public Tamper signedNoneStatement() {
        this.signedNoneStatement = true;
        return this;
    }

    String rpIdHashOf() {
        return rpIdHashOf;
    }

    String clientDataType() {
        return clientDataType;
    }

    boolean corruptsSignature() {
        return corruptSignature;
    }

    Long signCount() {
        return signCount;
    }

    boolean unknownCredentialWanted() {
        return unknownCredential;
    }

    String challenge() {
        return challenge;
    }

    Integer flags() {
        return flags;
    }

    String credentialId() {
        return credentialId;
    }

    String topOrigin() {
        return topOrigin;
    }

    Integer credentialIdLength() {
        return credentialIdLength;
    }

    String credentialKeyCurve() {
        return credentialKeyCurve;
    }

    boolean signsNoneStatement() {
        return signedNoneStatement;
    }
}
