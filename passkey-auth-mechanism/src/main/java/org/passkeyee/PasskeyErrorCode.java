package org.passkeyee;

/**
 * Why a passkey request was refused: one stable code per cause, sent as the {@code error} field
 * of every error answer ({@code {"error": "...", "message": "..."}}) so that clients and tests
 * can tell causes apart. The codes are API: they do not change between versions.
 */
public enum PasskeyErrorCode {
    /** The body is not valid JSON, or lacks or misuses a field. */
    MALFORMED_REQUEST(400, "malformed_request", "The request is malformed."),
    /** The username is empty, too long or contains control characters. */
    INVALID_USERNAME(400, "invalid_username", "The username is not acceptable."),
    /** The passkey name is empty or too long. */
    INVALID_LABEL(400, "invalid_label", "The passkey name must be 1 to 64 characters."),
    /** The body is larger than allowed. */
    BODY_TOO_LARGE(413, "body_too_large", "The request body is too large."),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "The request body must be application/json."),
    /** The request needs a signed-in caller. */
    NOT_AUTHENTICATED(401, "not_authenticated", "Sign in first."),
    /** HTTP Basic credentials ({@code passkey.basic-auth}) that do not parse, or that no identity store accepts. */
    INVALID_CREDENTIALS(401, "invalid_credentials", "The username or password is not correct."),
    /** Sign-up is switched off, or the application provides no {@link PasskeyAccounts}. */
    SIGN_UP_DISABLED(403, "sign_up_disabled", "Creating accounts is not allowed here."),
    /** The caller's sign-in is too old to add a passkey. */
    REAUTHENTICATION_REQUIRED(403, "reauthentication_required", "Sign in again before adding a passkey."),
    /** The caller is not in the role an administrative endpoint needs ({@code passkey.admin-role}). */
    FORBIDDEN(403, "forbidden", "You may not do this."),
    /**
     * The passkey verified, but the application no longer lets this caller sign in
     * ({@link PasskeyAccounts#maySignIn}): disabled, locked or removed in its directory.
     */
    ACCOUNT_DISABLED(403, "account_disabled", "This account cannot sign in. Ask an administrator."),
    /**
     * The passkey verified, but the account's stored name is one the name policy refuses (stored
     * before the policy, or by hand): it signs in again once an administrator renames it.
     */
    ACCOUNT_NAME_REFUSED(403, "account_name_refused", "This account's name is not accepted any more. Ask an administrator."),
    /** No passkey account has this username. */
    ACCOUNT_NOT_FOUND(404, "account_not_found", "No passkey account has this name."),
    /** The username is taken. */
    USERNAME_TAKEN(409, "username_taken", "This username is not available."),
    /** The passkey is the caller's last way to sign in. */
    LAST_PASSKEY(409, "last_passkey", "This is your last passkey; it cannot be deleted."),
    /**
     * The caller's name already holds the passkey account of another person: one whom another
     * identity store of the application knows by the same name, or who held the name before.
     */
    NAME_HELD_BY_ANOTHER_ACCOUNT(409, "name_held_by_another_account",
            "Passkeys under this name belong to another account. Ask an administrator."),
    /**
     * The credential was registered by a concurrent request while this one was verified (a
     * credential ID registered before is refused as {@link #REGISTRATION_REJECTED}, so that the
     * answer to an unverified response never tells whether an ID is registered).
     */
    CREDENTIAL_ALREADY_REGISTERED(409, "credential_already_registered", "This passkey is already registered."),
    /** The caller has no passkey with this ID. */
    PASSKEY_NOT_FOUND(404, "passkey_not_found", "No such passkey."),
    /** No endpoint at this path. */
    NOT_FOUND(404, "not_found", "No such endpoint."),
    /** The endpoint does not take this HTTP method. */
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "This method is not allowed here."),
    /**
     * Too many failed sign-ins for this passkey or username lately: this refusal answers each
     * further failure, with {@code Retry-After}, the wait growing with every failure. A valid
     * passkey response is still accepted (the owner is never locked out).
     */
    TOO_MANY_FAILED_SIGN_INS(429, "too_many_failed_sign_ins", "Too many failed sign-ins. Wait a moment, then try again."),
    /** The credential store failed; nothing was changed. */
    STORE_UNAVAILABLE(503, "store_unavailable", "Passkeys are unavailable right now. Try again shortly."),

    /** No ceremony was started in this session, or it was already used. */
    CEREMONY_NOT_FOUND(400, "ceremony_not_found", "No passkey request is pending; start again."),
    /** The ceremony was started too long ago. */
    CEREMONY_EXPIRED(400, "ceremony_expired", "The passkey request expired; start again."),
    /** The response answers another challenge than the one this session was given. */
    CHALLENGE_MISMATCH(400, "challenge_mismatch", "The passkey response does not match this request."),
    /** The client data type is not the one of this ceremony. */
    WRONG_CEREMONY_TYPE(400, "wrong_ceremony_type", "The passkey response is of the wrong kind."),
    /** The response comes from an origin that is not allowed. */
    ORIGIN_NOT_ALLOWED(400, "origin_not_allowed", "The passkey response comes from an origin that is not allowed."),
    /**
     * A state-changing request sent by a page of another site (its {@code Origin} is not one of
     * the configured origins, or {@code Sec-Fetch-Site} says {@code cross-site}/{@code same-site}):
     * a cross-site request forgery riding on the caller's cookies.
     */
    CROSS_SITE_REQUEST(403, "cross_site_request", "Requests from other sites are not accepted."),
    /**
     * The new passkey is of a form this module does not store: a credential ID over WebAuthn's
     * 1,023 bytes, a public key over 3,000 bytes or of an unsafe size (an RSA modulus under 2,048
     * or over 8,192 bits, an exponent that is even, under 3 or over 2^32).
     */
    UNSUPPORTED_CREDENTIAL(400, "unsupported_credential", "This passkey cannot be used with this site."),
    /**
     * The ceremony ran in a frame of another site ({@code crossOrigin} or {@code topOrigin} in the
     * client data) whose top-level origin is not in {@code passkey.allowed-top-origins}.
     */
    CROSS_ORIGIN_NOT_ALLOWED(400, "cross_origin_not_allowed", "The passkey was used inside a page of another site."),
    /** The authenticator data is bound to another relying party ID. */
    RP_ID_MISMATCH(400, "rp_id_mismatch", "The passkey belongs to another site."),
    /** The user-present flag is not set. */
    USER_PRESENCE_MISSING(400, "user_presence_missing", "The authenticator did not confirm user presence."),
    /** User verification is required but was not performed. */
    USER_VERIFICATION_MISSING(400, "user_verification_missing", "The authenticator did not verify the user."),
    /** The assertion signature does not verify. */
    INVALID_SIGNATURE(400, "invalid_signature", "The passkey signature is not valid."),
    /** No passkey with this credential ID is registered. */
    UNKNOWN_CREDENTIAL(400, "unknown_credential", "This passkey is not registered here."),
    /** The credential is not one the request allowed, or its user handle does not match. */
    CREDENTIAL_NOT_ALLOWED(400, "credential_not_allowed", "This passkey cannot be used for this sign-in."),
    /** The signature count went backwards: the authenticator may be cloned. */
    SIGNATURE_COUNTER_REGRESSED(400, "signature_counter_regressed", "This passkey reported an invalid signature count."),
    /**
     * The authenticator may not make a passkey here, or its passkeys may no longer sign in: its
     * AAGUID is denied or not on the allow list, a rule for the caller's role is not met (an
     * attested, device-bound passkey, say), its attestation does not verify against the FIDO
     * metadata, or the metadata reports the model revoked or compromised. Nothing is stored.
     */
    AUTHENTICATOR_NOT_ALLOWED(400, "authenticator_not_allowed",
            "This kind of passkey is not accepted here. Use another passkey provider or security key."),
    /** The registration response was refused for another reason. */
    REGISTRATION_REJECTED(400, "registration_rejected", "The new passkey could not be verified."),
    /** The assertion was refused for another reason. */
    ASSERTION_REJECTED(400, "assertion_rejected", "The passkey could not be verified."),
    /** A fault of the server, not a refusal: logged there, answered without detail. */
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on the server.");

    private final int status;
    private final String code;
    private final String message;

    PasskeyErrorCode(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** The HTTP status answered, except when a sign-in is refused: {@link #signInStatus()}. */
    public int status() {
        return status;
    }

    /**
     * The HTTP status answered when this refuses a sign-in or a step-up: 401 (the caller is not
     * signed in), or 400 for a malformed request.
     */
    public int signInStatus() {
        return this == MALFORMED_REQUEST ? 400 : 401;
    }

    /** The stable code sent in the {@code error} field. */
    public String code() {
        return code;
    }

    /** A short human text, sent in the {@code message} field. */
    public String message() {
        return message;
    }
}
