package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.AuthenticatorData;
import com.yubico.webauthn.data.AuthenticatorDataFlags;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The authenticator data of a registration as
 * <a href="https://www.w3.org/TR/webauthn-3/#sctn-authenticator-data">§6.1</a> lays it out,
 * beyond what Yubico's parser checks: the credential public key a CBOR map, and the extensions,
 * when the ED flag says there are some, a CBOR map too and the last thing in it. Yubico reads one
 * CBOR item of extensions and ignores whatever comes after it. Refusals are
 * {@code registration_rejected}.
 *
 * <p>What Yubico refuses while it parses the response, as {@code malformed_request}: the BS flag
 * without BE (§7.1 step 16: "If the BE bit of the flags in authData is not set, verify that the BS
 * bit is not set"; its {@code AuthenticatorDataFlags} refuses the combination in any authenticator
 * data), bytes after the credential key without ED, and ED with nothing after the key. Attested
 * credential data without the AT flag is not read at all, and such a registration is refused by
 * {@link NewCredentialLimits#checkAttestedId}.
 */
final class AttestedAuthenticatorData {

    /** RP ID hash, flags, signature counter, AAGUID; then the credential ID's length. */
    private static final int CREDENTIAL_ID_LENGTH = 32 + 1 + 4 + 16;

    private AttestedAuthenticatorData() {
    }

    /** @param authenticatorData a registration's, its attested credential data known to be present */
    static void check(AuthenticatorData authenticatorData) {
        AuthenticatorDataFlags flags = authenticatorData.getFlags();
        byte[] bytes = authenticatorData.getBytes().getBytes();
        if (bytes.length < CREDENTIAL_ID_LENGTH + 2) {
            throw refused();
        }
        int keyStart = CREDENTIAL_ID_LENGTH + 2 + (((bytes[CREDENTIAL_ID_LENGTH] & 0xff) << 8) | (bytes[CREDENTIAL_ID_LENGTH + 1] & 0xff));
        int keyEnd = StrictCbor.mapEnd(bytes, keyStart);
        int end = flags.ED && keyEnd > 0 ? StrictCbor.mapEnd(bytes, keyEnd) : keyEnd;
        if (end != bytes.length) {
            throw refused();
        }
    }

    private static Refusal refused() {
        return new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The authenticator data is not as WebAuthn lays it out.");
    }
}
