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
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
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
        Map<Object, Object> coseKey = new LinkedHashMap<>();
        coseKey.put(1, 2);                  // kty: EC2
        coseKey.put(3, COSE_ALGORITHM);     // alg: ES256
        coseKey.put(-1, 1);                 // crv: P-256
        coseKey.put(-2, unsigned32(publicKey.getW().getAffineX()));
        coseKey.put(-3, unsigned32(publicKey.getW().getAffineY()));
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

    /** A field element as exactly 32 unsigned big-endian bytes. */
    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] result = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, result, 32 - copy, copy);
        return result;
    }
}
