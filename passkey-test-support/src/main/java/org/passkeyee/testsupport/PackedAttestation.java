package org.passkeyee.testsupport;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code packed} full attestation (WebAuthn §8.2) for {@link SoftwareAuthenticator}: an ES256
 * signature by the attestation key over the authenticator data and the client data hash, and the
 * certificate chain as {@code x5c}.
 *
 * @param key   the attestation private key
 * @param chain the attestation certificate first, the root left out
 */
record PackedAttestation(PrivateKey key, List<X509Certificate> chain) {

    PackedAttestation {
        chain = List.copyOf(chain);
    }

    /** The attestation statement ({@code attStmt}) for this authenticator data and client data. */
    Map<Object, Object> statement(byte[] authData, byte[] clientData) {
        Map<Object, Object> statement = new LinkedHashMap<>();
        statement.put("alg", Es256.COSE_ALGORITHM);
        statement.put("sig", Es256.sign(key, Es256.concat(authData, Es256.sha256(clientData))));
        List<Object> x5c = new ArrayList<>();
        try {
            for (X509Certificate certificate : chain) {
                x5c.add(certificate.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        statement.put("x5c", x5c);
        return statement;
    }
}
