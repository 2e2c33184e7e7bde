package org.passkeyee.internal.ceremony.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST-ONLY: {@code interop/attestation-roots.json}: the vendors' public root certificates the
 * recorded chains end below (each naming the repository, file and commit it was taken from), and
 * the recorded attested registrations that verify against no metadata entry, each with why.
 */
final class AttestationRoots {

    static final String FILE = "interop/attestation-roots.json";

    private final List<X509Certificate> roots;
    /** Why, by {@link #key(InteropVector) vector}. */
    private final Map<String, String> unverifiable;

    private AttestationRoots(List<X509Certificate> roots, Map<String, String> unverifiable) {
        this.roots = roots;
        this.unverifiable = unverifiable;
    }

    static AttestationRoots read() {
        try (InputStream in = AttestationRoots.class.getClassLoader().getResourceAsStream(FILE)) {
            JsonNode document = new ObjectMapper().readTree(in);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> roots = new ArrayList<>();
            for (JsonNode root : document.path("roots")) {
                byte[] der = Base64.getDecoder().decode(root.path("certificate").asText());
                roots.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            Map<String, String> unverifiable = new LinkedHashMap<>();
            for (JsonNode vector : document.path("unverifiable")) {
                unverifiable.put(vector.path("source").asText() + ": " + vector.path("name").asText(), vector.path("why").asText());
            }
            return new AttestationRoots(List.copyOf(roots), unverifiable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(FILE + ": a root that is not a certificate", e);
        }
    }

    /** How the data file names a vector: its source's label and its name. */
    static String key(InteropVector vector) {
        return vector.source() + ": " + vector.name();
    }

    /**
     * The certificate a metadata entry for this chain names as its attestation root: the chain's
     * topmost certificate when it is self-signed, else the listed root that issued it, else the
     * topmost certificate all the same (which PKIX takes as no anchor: the data file must say so).
     */
    X509Certificate anchorFor(AttestationChain chain) {
        X509Certificate top = chain.top();
        if (issued(top, top)) {
            return top;
        }
        return roots.stream().filter(root -> issued(root, top)).findFirst().orElse(top);
    }

    /** Why this vector verifies against no metadata entry, if the data file says it does not. */
    Optional<String> whyUnverifiable(InteropVector vector) {
        return Optional.ofNullable(unverifiable.get(key(vector)));
    }

    /** The data file's unverifiable vectors and why, by {@link #key(InteropVector) key}. */
    Map<String, String> unverifiable() {
        return unverifiable;
    }

    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException notItsIssuer) {
            return false;
        }
    }
}
