package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.passkeyee.internal.config.DecoySecret;

/**
 * Credential IDs to offer for a username that has no passkeys, so that the answer has the same
 * shape as for a real caller and reveals nothing. They are an HMAC of the username under a server
 * secret: the same name always gets the same IDs (asking twice tells nothing), and nobody without
 * the secret can tell them from real ones. An empty list would instead tell the browser to offer
 * every passkey of the site, and tell the asker the name is unknown.
 *
 * <p>Their number, ID lengths and transports vary by name the way real passkeys do (one passkey
 * for most people, two or three for some; IDs of 16, 20, 32 or 64 bytes as password managers,
 * platform authenticators and security keys make them; transports to match), so that a constant
 * shape does not mark them as decoys.
 *
 * <p>They are keyed by the exact name, as accounts are found ({@link ExactNames}): {@code alice}
 * and {@code ALICE} are two names, each with its own passkeys or decoys, whether or not either
 * exists and whatever the store's collation, so comparing the answers for the two tells nothing.
 */
@Singleton
public class DecoyCredentials {

    /** How many passkeys a decoy caller has, by the first byte of the name's HMAC (of 256). */
    private static final int[] COUNT_THRESHOLDS = {166, 230};
    private static final int[] ID_LENGTHS = {16, 20, 32, 32, 32, 64};
    private static final List<Set<AuthenticatorTransport>> TRANSPORTS = List.of(
            Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID),
            Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID),
            Set.of(AuthenticatorTransport.INTERNAL),
            Set.of(AuthenticatorTransport.HYBRID, AuthenticatorTransport.INTERNAL),
            Set.of(AuthenticatorTransport.USB, AuthenticatorTransport.NFC),
            Set.of(AuthenticatorTransport.USB));

    private final byte[] secret;

    /** With the admin's decoy secret (or this run's random one). */
    @Inject
    DecoyCredentials(DecoySecret secret) {
        this(secret.bytes());
    }

    DecoyCredentials(byte[] secret) {
        this.secret = secret.clone();
    }

    /** One to three descriptors, the same ones every time for this name. */
    List<PublicKeyCredentialDescriptor> forUsername(String username) {
        byte[] shape = hmac("passkey-decoy-shape:" + username);
        int count = 1 + (int) Arrays.stream(COUNT_THRESHOLDS).filter(t -> (shape[0] & 0xff) >= t).count();
        List<PublicKeyCredentialDescriptor> decoys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = (shape[1 + i] & 0xff) % ID_LENGTHS.length;
            byte[] id = Arrays.copyOf(concat(hmac("passkey-decoy:" + i + ":" + username),
                    hmac("passkey-decoy-more:" + i + ":" + username)), ID_LENGTHS[kind]);
            decoys.add(PublicKeyCredentialDescriptor.builder()
                    .id(new ByteArray(id))
                    .transports(TRANSPORTS.get(kind))
                    .build());
        }
        return decoys;
    }

    /**
     * A 64-byte user handle for a name that has no user: looking up its passkeys costs the same
     * store query as a real caller's, and finds none.
     */
    ByteArray userHandleFor(String username) {
        return new ByteArray(concat(hmac("passkey-decoy-user:" + username), hmac("passkey-decoy-user-more:" + username)));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
