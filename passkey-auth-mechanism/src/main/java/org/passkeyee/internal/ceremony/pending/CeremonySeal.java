package org.passkeyee.internal.ceremony.pending;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.passkeyee.internal.config.CeremonyKey;

/**
 * Seals a pending ceremony for the browser to carry, and opens what it brings back: AES-256-GCM
 * from the JDK, a fresh random 96-bit nonce per seal, and as associated data the ceremony's kind
 * and the relying party ID, so a sign-in's state never opens as a sign-up's, nor under another RP
 * ID. The AES key is derived from {@code passkey.ceremony-key} with HKDF-SHA-256 (RFC 5869), so
 * the admin's text never is the cipher key itself; {@code passkey.ceremony-key-previous}, when
 * set, is tried for opening only.
 *
 * <p>A sealed state is {@code base64url(version ‖ nonce ‖ ciphertext ‖ tag)}. It holds no secret
 * the browser must not see (the challenge and the options went to it anyway); the seal is there
 * so that nobody can make one up or change one: opening fails for any change of any byte.
 * Opening never says why it failed, and nothing of the sealed bytes is ever logged.
 *
 * <p>GCM with random nonces stays safe for far more seals than one key will ever make (the usual
 * bound is 2<sup>32</sup> per key); rotate the key as the admin guide says.
 */
final class CeremonySeal {

    /** The sealed form's version: a future form gets another byte, and this one refuses it. */
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] HKDF_INFO = "passkeyee ceremony state v1 AES-256-GCM".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HKDF_SALT = "passkeyee".getBytes(StandardCharsets.UTF_8);
    /** Longer than any state a browser can carry in a cookie: anything longer is refused before decoding. */
    static final int MAX_SEALED_CHARS = 8192;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey sealing;
    /** The keys tried when opening: the sealing key first, then the previous one. */
    private final List<SecretKey> opening;
    private final String rpId;
    private final SecureRandom random = new SecureRandom();

    CeremonySeal(CeremonyKey key, String rpId) {
        this(key.current(), key.previous(), rpId);
    }

    CeremonySeal(byte[] current, Optional<byte[]> previous, String rpId) {
        this.sealing = aesKey(current);
        List<SecretKey> keys = new ArrayList<>(2);
        keys.add(sealing);
        previous.map(CeremonySeal::aesKey).ifPresent(keys::add);
        this.opening = List.copyOf(keys);
        this.rpId = rpId;
    }

    /** The ceremony sealed: URL-safe base64 without padding, fit for a cookie's value. */
    String seal(PendingCeremony ceremony) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(ceremony.kind()));
            byte[] sealed = cipher.doFinal(plain(ceremony));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed);
            return ENCODER.encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java SE platform", e);
        }
    }

    /**
     * The ceremony of this kind that {@code sealed} holds, if it opens with one of the keys; expired
     * or not (the caller tells the two apart).
     *
     * @return empty for anything that is not a state this server's keys sealed for this kind and
     *         RP ID: changed, truncated, of another kind, another key, another RP ID, not base64, too long
     */
    Optional<PendingCeremony> open(PendingCeremony.Kind kind, String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(bytes).equals(sealed)) {
            return Optional.empty(); // padded, or stray bits in the last character: only the form seal() writes opens
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        for (SecretKey key : opening) {
            Optional<byte[]> plain = decrypt(key, kind, bytes);
            if (plain.isPresent()) {
                return read(kind, plain.get());
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> decrypt(SecretKey key, PendingCeremony.Kind kind, byte[] bytes) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(kind));
            return Optional.of(cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException notOurs) {
            return Optional.empty();
        }
    }

    /** What the seal opened; a state of another kind under the same associated data cannot occur, and is refused anyway. */
    private static Optional<PendingCeremony> read(PendingCeremony.Kind kind, byte[] plain) {
        try {
            PendingCeremony ceremony = PendingCeremony.readFrom(new DataInputStream(new ByteArrayInputStream(plain)));
            return ceremony.kind() == kind ? Optional.of(ceremony) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private byte[] associatedData(PendingCeremony.Kind kind) {
        return ("passkeyee ceremony\u0000" + kind.name() + "\u0000" + rpId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plain(PendingCeremony ceremony) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ceremony.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** HKDF-SHA-256 (RFC 5869), extract then one block of expand: a 256-bit AES key. */
    private static SecretKey aesKey(byte[] material) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(material);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(HKDF_INFO);
            expand.update((byte) 1);
            return new SecretKeySpec(expand.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java SE platform", e);
        }
    }
}
