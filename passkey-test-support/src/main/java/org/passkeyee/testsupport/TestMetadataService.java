package org.passkeyee.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TEST-ONLY: a FIDO Metadata Service of the test's own making, written to a directory: a root CA
 * (its PEM is what {@code passkey.mds-root-certificate} names), a BLOB signing certificate under
 * it whose CRL distribution point is a {@code file:} URL (an empty CRL, so that PKIX revocation
 * checking passes as with the real service), and BLOBs (RS256 JWTs, as the FIDO Alliance signs
 * them) listing authenticator models. A {@link Model} is an attestation root and the attestation
 * certificate of one AAGUID, ready to give a {@link SoftwareAuthenticator} packed attestation.
 * Public for the recorded responses' attestation tests ({@code interop}).
 */
public final class TestMetadataService {

    /** The FIDO Alliance's legal header, which the module expects in a BLOB. */
    public static final String LEGAL_HEADER = "Retrieval and use of this BLOB indicates acceptance of the appropriate agreement "
            + "located at https://fidoalliance.org/metadata/metadata-legal-terms/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final KeyPair rootKey = rsa();
    private final X509Certificate root;
    private final KeyPair signerKey = rsa();
    private final X509Certificate signer;
    private int blobNumber;

    public TestMetadataService(Path directory) {
        this(directory, null);
    }

    /** @param crlUrl the address the BLOB signer's certificate names for its CRL, or {@code null} for the file written here */
    public TestMetadataService(Path directory, String crlUrl) {
        this.directory = directory;
        this.root = certificate("CN=Test FIDO MDS Root", rootKey, "CN=Test FIDO MDS Root", rootKey.getPrivate(), "SHA256withRSA",
                true, null, null);
        Path crl = directory.resolve("root.crl");
        write(crl, emptyCrl());
        this.signer = certificate("CN=Test FIDO MDS BLOB signer", signerKey, "CN=Test FIDO MDS Root", rootKey.getPrivate(),
                "SHA256withRSA", false, crlUrl == null ? crl.toUri().toString() : crlUrl, null);
        write(rootCertificateFile(), pem(root).getBytes(StandardCharsets.US_ASCII));
    }

    /** The PEM file of the root the BLOBs are signed under. */
    public Path rootCertificateFile() {
        return directory.resolve("root.pem");
    }

    /** A BLOB of these entries, valid until {@code nextUpdate}, written to {@code name}. */
    public Path blob(String name, LocalDate nextUpdate, Entry... entries) {
        return writeBlob(name, nextUpdate, signerKey.getPrivate(), entries);
    }

    /** A BLOB whose signature is made with another key than its signing certificate's. */
    public Path blobWithBadSignature(String name, Entry... entries) {
        return writeBlob(name, LocalDate.now().plusDays(30), rsa().getPrivate(), entries);
    }

    /** The entry of {@code model} with this status ({@code FIDO_CERTIFIED}, {@code REVOKED}, ...). */
    public static Entry entry(Model model, String status) {
        return new Entry(model.aaguid(), model.root(), status);
    }

    /**
     * The entry of {@code aaguid}, or for a U2F authenticator (no AAGUID) of its attestation
     * certificates' {@code keyIdentifiers} (hex SHA-1 of their public keys), with this status,
     * whose attestation root is {@code root}, and its statement's description and icon.
     */
    public record Entry(String aaguid, List<String> keyIdentifiers, X509Certificate root, String status, String description,
                        String icon) {

        public Entry(String aaguid, X509Certificate root, String status) {
            this(aaguid, List.of(), root, status, "Test authenticator", null);
        }

        /** The entry of the authenticators whose attestation certificate has this key identifier. */
        public static Entry ofKeyIdentifier(String keyIdentifier, X509Certificate root, String status) {
            return new Entry(null, List.of(keyIdentifier), root, status, "Test authenticator", null);
        }

        /** This entry with another description and an icon ({@code null} for none). */
        public Entry describedAs(String description, String icon) {
            return new Entry(aaguid, keyIdentifiers, root, status, description, icon);
        }
    }

    /** An authenticator model: its AAGUID, attestation root and attestation key and certificate. */
    public record Model(String aaguid, X509Certificate root, PrivateKey attestationKey, X509Certificate attestationCertificate) {

        /** A new model with its own attestation root. */
        public static Model newModel() {
            return newModel(UUID.randomUUID().toString());
        }

        /** A model of this AAGUID with an attestation root of its own (an impostor, when the AAGUID is another model's). */
        public static Model newModel(String aaguid) {
            KeyPair rootKey = Es256.newKeyPair();
            X509Certificate root = certificate("CN=Test Authenticator Root", rootKey, "CN=Test Authenticator Root",
                    rootKey.getPrivate(), "SHA256withECDSA", true, null, null);
            KeyPair attestationKey = Es256.newKeyPair();
            X509Certificate attestation = certificate(
                    "C=SE,O=Test Authenticators,OU=Authenticator Attestation,CN=Test Attestation", attestationKey,
                    "CN=Test Authenticator Root", rootKey.getPrivate(), "SHA256withECDSA", false, null, aaguid);
            return new Model(aaguid, root, attestationKey.getPrivate(), attestation);
        }

        /** An authenticator of this model: its AAGUID, packed attestation with its certificate. */
        public SoftwareAuthenticator authenticator(boolean synced) {
            SoftwareAuthenticator authenticator = synced ? SoftwareAuthenticator.synced() : SoftwareAuthenticator.deviceBound();
            return authenticator.withAaguid(aaguid).withPackedAttestation(attestationKey, List.of(attestationCertificate));
        }
    }

    private Path writeBlob(String name, LocalDate nextUpdate, PrivateKey signingKey, Entry... entries) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(base64(encoded(signer)));
        ObjectNode payload = JSON.createObjectNode()
                .put("legalHeader", LEGAL_HEADER).put("no", ++blobNumber).put("nextUpdate", nextUpdate.toString());
        ArrayNode list = payload.putArray("entries");
        for (Entry entry : entries) {
            list.add(entryJson(entry));
        }
        String signed = base64Url(JSON.valueToTree(header).toString()) + "." + base64Url(payload.toString());
        String jwt = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256(signingKey, signed));
        Path file = directory.resolve(name);
        write(file, jwt.getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    private static ObjectNode entryJson(Entry entry) {
        ObjectNode statement = JSON.createObjectNode()
                .put("legalHeader", LEGAL_HEADER).put("description", entry.description())
                .put("authenticatorVersion", 1).put("protocolFamily", entry.aaguid() == null ? "u2f" : "fido2").put("schema", 3);
        ObjectNode json = JSON.createObjectNode();
        for (ObjectNode identified : List.of(json, statement)) {
            if (entry.aaguid() == null) {
                entry.keyIdentifiers().forEach(identified.putArray("attestationCertificateKeyIdentifiers")::add);
            } else {
                identified.put("aaguid", entry.aaguid());
            }
        }
        statement.putArray("upv").addObject().put("major", 1).put("minor", 0);
        statement.putArray("authenticationAlgorithms").add("secp256r1_ecdsa_sha256_raw");
        statement.putArray("publicKeyAlgAndEncodings").add("cose");
        statement.putArray("attestationTypes").add("basic_full");
        statement.putArray("userVerificationDetails").addArray().addObject().put("userVerificationMethod", "presence_internal");
        statement.putArray("keyProtection").add("hardware");
        statement.putArray("matcherProtection").add("on_chip");
        statement.putArray("tcDisplay");
        statement.putArray("attestationRootCertificates").add(base64(encoded(entry.root())));
        if (entry.icon() != null) {
            statement.put("icon", entry.icon());
        }
        json.set("metadataStatement", statement);
        json.putArray("statusReports").addObject().put("status", entry.status()).put("effectiveDate", "2025-01-01");
        json.put("timeOfLastStatusChange", "2025-01-01");
        return json;
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, PrivateKey issuerKey,
                                               String algorithm, boolean ca, String crlUrl, String aaguid) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(System.nanoTime()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name(subject), subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (crlUrl != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            }
            if (aaguid != null) {
                UUID uuid = UUID.fromString(aaguid);
                byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array();
                builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.45724.1.1.4"), false, new DEROctetString(bytes));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] emptyCrl() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Test FIDO MDS Root"), Date.from(now.minus(1, ChronoUnit.DAYS)));
            builder.setNextUpdate(Date.from(now.plus(30, ChronoUnit.DAYS)));
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .build(rootKey.getPrivate()))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rs256(PrivateKey key, String data) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(data.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
