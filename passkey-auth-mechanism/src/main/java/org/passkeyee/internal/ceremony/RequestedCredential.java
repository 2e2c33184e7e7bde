package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.Extensions;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.util.Optional;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The new credential is the one the creation options asked for, as far as the response tells:
 * not one of the options' {@code excludeCredentials} (the caller's passkeys, which a browser's
 * authenticator refuses to make again, WebAuthn §5.4), and a discoverable credential, which the
 * options require ({@code residentKey: required}): a client that reports the {@code credProps}
 * extension with {@code rk: false}
 * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-authenticator-credential-properties-extension">§10.1.3</a>)
 * made a server-side credential, which usernameless sign-in cannot find. A response without
 * {@code credProps}, or without {@code rk} in it, is accepted: clients need not report it, and
 * nothing else in a response tells a discoverable credential from another (§10.1.3 notes that a
 * missing {@code rk} most likely means a server-side credential; refusing it would refuse every
 * client that cannot tell, so such a passkey is stored and simply not offered by usernameless
 * sign-in if it is one). User verification, the
 * third thing the options ask, is {@link ClientResponseChecks}'s. Refusals are
 * {@code registration_rejected}.
 *
 * <p>Yubico refuses a credential ID that is registered already (§7.1 step 25), an excluded one
 * among them, but only after the rest verified; it reports {@code rk} ({@code isDiscoverable})
 * without refusing anything.
 */
final class RequestedCredential {

    private RequestedCredential() {
    }

    static void check(PublicKeyCredentialCreationOptions options, ByteArray credentialId, ClientRegistrationExtensionOutputs extensions) {
        boolean excluded = options.getExcludeCredentials().stream().flatMap(Set::stream)
                .map(PublicKeyCredentialDescriptor::getId).anyMatch(credentialId::equals);
        boolean serverSide = Optional.ofNullable(extensions).flatMap(ClientRegistrationExtensionOutputs::getCredProps)
                .flatMap(Extensions.CredentialProperties.CredentialPropertiesOutput::getRk)
                .map(rk -> !rk).orElse(false);
        if (excluded || serverSide) {
            throw new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The new passkey is not the one asked for.");
        }
    }
}
