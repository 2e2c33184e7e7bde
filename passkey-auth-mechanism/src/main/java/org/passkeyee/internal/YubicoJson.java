package org.passkeyee.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.internal.util.JacksonCodecs;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;

/**
 * Yubico's JSON mapper, built once. Yubico's own helpers ({@code toJson}, {@code fromJson},
 * {@code toCredentialsGetJson}, {@code parseAssertionResponseJson}, ...) build a new mapper on
 * every call, whose empty caches make Jackson introspect every class again: a third of the
 * server's CPU per sign-in.
 */
final class YubicoJson {

    static final ObjectMapper MAPPER = JacksonCodecs.json();

    static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>> ASSERTION =
            new TypeReference<>() { };

    static final TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>> REGISTRATION =
            new TypeReference<>() { };

    private YubicoJson() {
    }
}
