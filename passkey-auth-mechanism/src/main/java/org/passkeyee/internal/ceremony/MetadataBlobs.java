package org.passkeyee.internal.ceremony;

import com.yubico.fido.metadata.FidoMetadataDownloader;
import com.yubico.fido.metadata.FidoMetadataDownloaderException;
import com.yubico.fido.metadata.FidoMetadataService;
import com.yubico.fido.metadata.MetadataBLOB;
import com.yubico.fido.metadata.UnexpectedLegalHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.passkeyee.internal.config.MetadataSource;

/**
 * Reads a FIDO Metadata Service BLOB from its {@link MetadataSource} ({@link MetadataDownload},
 * bounded in time and size), checks that its signing certificates chain to the root before any
 * address they name is called ({@link BlobSignerChain}), and verifies it with Yubico's
 * {@link FidoMetadataDownloader}: its JWT signature, the chain with the CRLs it names (within
 * {@link #REVOCATION_DEADLINE}), the legal header, and that its {@code nextUpdate} has not
 * passed. Every failure is an {@link IllegalStateException} that names the file or URL and says
 * what is wrong; nothing unverified is ever returned.
 */
final class MetadataBlobs {

    /** The FIDO Alliance's terms, which a downloaded BLOB must carry (Yubico checks it). */
    static final String FIDO_LEGAL_HEADER = "Retrieval and use of this BLOB indicates acceptance of the appropriate agreement "
            + "located at https://fidoalliance.org/metadata/metadata-legal-terms/";
    /** GlobalSign Root CA - R3, the root of the FIDO Metadata Service's signing certificates. */
    static final String BUNDLED_ROOT = "/org/passkeyee/internal/fido-mds-root.pem";

    /** How long Yubico's checks, with their fetching of revocation lists, may take. */
    static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(60);

    private final MetadataSource source;
    private final X509Certificate root;
    private final MetadataDownload download;
    private final Duration revocationDeadline;

    MetadataBlobs(MetadataSource source) {
        this(source, new MetadataDownload(), REVOCATION_DEADLINE);
    }

    /** With the download's and the revocation lists' time limits of a test. */
    MetadataBlobs(MetadataSource source, MetadataDownload download, Duration revocationDeadline) {
        this.source = source;
        this.root = rootCertificate(source);
        this.download = download;
        this.revocationDeadline = revocationDeadline;
    }

    MetadataSource source() {
        return source;
    }

    /** The BLOB, verified and current. */
    MetadataBLOB load(Clock clock) {
        MetadataBLOB blob;
        try {
            String jwt = text();
            BlobSignerChain.check(jwt, root, clock);
            blob = verifiedByYubico(jwt, clock);
        } catch (FidoMetadataDownloaderException e) {
            throw failure("the BLOB's signature does not verify with its signing certificate", e);
        } catch (CertPathValidatorException e) {
            throw failure("the BLOB's signing certificate does not chain to the root certificate "
                    + rootName() + " (" + e.getMessage() + ")", e);
        } catch (UnexpectedLegalHeader e) {
            throw failure("the BLOB's legal header is not the FIDO Alliance's known terms; read its terms before using it", e);
        } catch (IOException e) {
            throw failure("cannot read or parse the BLOB (" + e.getMessage() + ")", e);
        } catch (TimeoutException e) {
            throw failure("the revocation lists its certificates name could not be fetched within "
                    + revocationDeadline.toSeconds() + " s", e);
        } catch (Exception e) {
            throw failure("not a valid metadata BLOB (" + e + ")", e);
        }
        LocalDate nextUpdate = blob.getPayload().getNextUpdate();
        if (!LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isBefore(nextUpdate)) {
            throw failure("the BLOB expired: its nextUpdate was " + nextUpdate
                    + "; get a fresh one from the FIDO Metadata Service", null);
        }
        return blob;
    }

    /** Yubico's metadata service over a verified BLOB, with its default filters (revoked entries and compromised attestation keys excluded). */
    static FidoMetadataService service(MetadataBLOB blob) {
        try {
            return FidoMetadataService.builder().useBlob(blob).build();
        } catch (Exception e) {
            throw new IllegalStateException("The FIDO metadata could not be indexed: " + e, e);
        }
    }

    private String text() throws IOException {
        return source.blobFile().isPresent()
                ? download.text(source.blobFile().get())
                : download.text(source.blobUrl().orElseThrow());
    }

    /**
     * Yubico's checks of the BLOB: signature, chain with revocation, legal header. Yubico fetches
     * the CRLs with no timeout of its own, so they run on a thread of their own that is given up
     * on after {@link #revocationDeadline}.
     */
    private MetadataBLOB verifiedByYubico(String jwt, Clock clock) throws Exception {
        FutureTask<MetadataBLOB> check = new FutureTask<>(() -> FidoMetadataDownloader.builder()
                .expectLegalHeader(FIDO_LEGAL_HEADER)
                .useTrustRoot(root)
                .useBlob(jwt)
                .clock(clock)
                .build()
                .loadCachedBlob());
        Thread thread = new Thread(check, "passkeyee-metadata-check");
        thread.setDaemon(true);
        thread.start();
        try {
            return check.get(revocationDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } finally {
            check.cancel(true);
        }
    }

    private IllegalStateException failure(String what, Exception cause) {
        return new IllegalStateException("FIDO metadata from " + source.describe() + ": " + what, cause);
    }

    private String rootName() {
        return source.rootCertificate().map(file -> "passkey.mds-root-certificate " + file).orElse("(the bundled FIDO root)");
    }

    private static X509Certificate rootCertificate(MetadataSource source) {
        try (InputStream pem = source.rootCertificate().isPresent()
                ? Files.newInputStream(source.rootCertificate().get())
                : MetadataBlobs.class.getResourceAsStream(BUNDLED_ROOT)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalStateException("passkey.mds-root-certificate "
                    + source.rootCertificate().map(Object::toString).orElse(BUNDLED_ROOT) + ": not a PEM X.509 certificate", e);
        }
    }
}
