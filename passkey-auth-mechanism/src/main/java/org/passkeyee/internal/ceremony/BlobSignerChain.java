package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.passkeyee.internal.shared.Json;

/**
 * The certificates a metadata BLOB's JWT header names as its signer ({@code x5c}), checked to
 * chain to the root before anything else looks at them. Yubico's verification then fetches the
 * CRLs those certificates name: checked first, they are the root's own CA's addresses, never a
 * forged BLOB's choice of URL for the server to call. A header naming its certificates by URL
 * ({@code x5u}) is refused: the FIDO Metadata Service sends them in the header.
 */
final class BlobSignerChain {

    private BlobSignerChain() {
    }

    /**
     * Checks that the BLOB's signing certificates chain to {@code root} at the clock's time,
     * revocation aside (that is Yubico's check, with the CRLs).
     *
     * @throws CertPathValidatorException when they do not
     * @throws IOException                when the header cannot be read or names its certificates by URL
     */
    static void check(String jwt, X509Certificate root, Clock clock) throws IOException, CertPathValidatorException {
        List<X509Certificate> chain = signers(jwt);
        if (chain.isEmpty()) {
            return;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        } catch (CertPathValidatorException refused) {
            throw refused;
        } catch (GeneralSecurityException unusable) {
            throw new IOException("its certificates cannot be checked: " + unusable.getMessage(), unusable);
        }
    }

    /** The x5c certificates, signer first; empty when the header names none (then the root signs). */
    private static List<X509Certificate> signers(String jwt) throws IOException {
        int dot = jwt.indexOf('.');
        if (dot < 1) {
            throw new IOException("not a JWT");
        }
        JsonNode header;
        try {
            header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, dot)));
        } catch (IllegalArgumentException | IOException unreadable) {
            throw new IOException("its JWT header is not base64url JSON");
        }
        if (header == null || !header.isObject()) {
            throw new IOException("its JWT header is not a JSON object");
        }
        if (header.has("x5u")) {
            throw new IOException("its header names the signing certificates by URL (x5u), which the module does not fetch");
        }
        if (header.has("x5c") && !header.get("x5c").isArray()) {
            throw new IOException("its header's x5c is not an array of certificates");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode certificate : header.path("x5c")) {
            chain.add(certificate(certificate));
        }
        return chain;
    }

    private static X509Certificate certificate(JsonNode base64) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64.asText())));
        } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
            throw new IOException("a certificate in its header (x5c) is not base64 DER X.509");
        }
    }
}
