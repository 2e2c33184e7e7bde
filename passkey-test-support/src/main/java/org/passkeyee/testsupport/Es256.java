package org.passkeyee.testsupport;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ES256 as WebAuthn uses it: P-256 key pairs, DER ECDSA signatures over SHA-256, public keys as
 * COSE_Key; for the software authenticator and the tests and benchmark that make keys of their own.
 */
public final class Es256 {

    /** The COSE algorithm identifier of ES256. */
    public static final int COSE_ALGORITHM = -7;

    private Es256() {
    }

    /** A new P-256 key pair. */
    public static KeyPair newKeyPair() {
        return newKeyPair("secp256r1");
    }

    /** A new key pair on the named curve ({@code secp384r1}, say), for a key that does not fit ES256. */
    static KeyPair newKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ASN.1 DER ECDSA signature over SHA-256 of {@code data}, as WebAuthn requires. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The COSE_Key (EC2, ES256, P-256) of a public key, as WebAuthn stores it. */
    public static byte[] coseKey(ECPublicKey publicKey) {
        return coseKey(publicKey, COSE_ALGORITHM);
    }

    /**
     * The COSE_Key (EC2) of a public key on P-256, P-384 or P-521: its curve's COSE identifier
     * and coordinates of its size, and {@code alg} as declared, whether it fits or not.
     */
    static byte[] coseKey(ECPublicKey publicKey, int alg) {
        int fieldBits = publicKey.getParams().getCurve().getField().getFieldSize();
        int crv = switch (fieldBits) {
            case 256 -> 1;
            case 384 -> 2;
            case 521 -> 3;
            default -> throw new IllegalArgumentException("not a NIST curve of WebAuthn: " + fieldBits + " bits");
        };
        int size = (fieldBits + 7) / 8;
        Map<Object, Object> coseKey = new LinkedHashMap<>();
        coseKey.put(1, 2);                  // kty: EC2
        coseKey.put(3, alg);
        coseKey.put(-1, crv);
        coseKey.put(-2, unsigned(publicKey.getW().getAffineX(), size));
        coseKey.put(-3, unsigned(publicKey.getW().getAffineY(), size));
        return Cbor.encode(coseKey);
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts one after the other. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A field element as exactly {@code size} unsigned big-endian bytes. */
    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] result = new byte[size];
        int copy = Math.min(bytes.length, size);
        System.arraycopy(bytes, bytes.length - copy, result, size - copy, copy);
        return result;
    }
}
