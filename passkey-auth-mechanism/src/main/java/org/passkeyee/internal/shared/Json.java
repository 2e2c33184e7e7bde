package org.passkeyee.internal.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.internal.util.JacksonCodecs;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;

/**
 * The one JSON mapper of the module, built once: Yubico's configuration (which its types need),
 * strict on input (no trailing tokens, no duplicate members), thread-safe, shared. Yubico's own
 * helpers ({@code toJson}, {@code parseAssertionResponseJson}, ...) build a new mapper on every
 * call, whose empty caches make Jackson introspect every class again: a third of the server's CPU
 * per sign-in, so they are not used.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JacksonCodecs.json()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads the browser's answer to a sign-in (AuthenticationResponseJSON) from the tree already parsed. */
    public static final ObjectReader ASSERTION = MAPPER.readerFor(
            new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>>() { });

    /** Reads the browser's answer to a registration (RegistrationResponseJSON) from the tree already parsed. */
    public static final ObjectReader REGISTRATION = MAPPER.readerFor(
            new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>>() { });

    private Json() {
    }
}
