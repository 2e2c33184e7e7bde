package org.passkeyee.internal;

import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credential IDs to offer for a username that has no passkeys, so that the answer has the same
 * shape as for a real caller and reveals nothing. They are an HMAC of the username under a server
 * secret: the same name always gets the same IDs (asking twice tells nothing), and nobody without
 * the secret can tell them from real ones. An empty list would instead tell the browser to offer
 * every passkey of the site, and tell the asker the name is unknown.
 */
final class DecoyCredentials {

    private static final int CREDENTIAL_ID_BYTES = 32;
    private final byte[] secret;

    DecoyCredentials(byte[] secret) {
        this.secret = secret.clone();
    }

    List<PublicKeyCredentialDescriptor> forUsername(String username) {
        byte[] mac = hmac(username);
        return List.of(PublicKeyCredentialDescriptor.builder()
                .id(new ByteArray(Arrays.copyOf(mac, CREDENTIAL_ID_BYTES)))
                .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
                .build());
    }

    private byte[] hmac(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("passkey-decoy:" + username).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
