package org.passkeyee.internal.ceremony;

import com.yubico.fido.metadata.FidoMetadataDownloader;
import com.yubico.fido.metadata.FidoMetadataDownloaderException;
import com.yubico.fido.metadata.FidoMetadataService;
import com.yubico.fido.metadata.MetadataBLOB;
import com.yubico.fido.metadata.UnexpectedLegalHeader;
import com.yubico.webauthn.data.ByteArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.passkeyee.internal.config.MetadataSource;

/**
 * Fetches a FIDO Metadata Service BLOB from its {@link MetadataSource} and verifies it with
 * Yubico's {@link FidoMetadataDownloader}: its JWT signature, its signing certificate's chain to
 * the root certificate (with the CRLs the chain names), and that its {@code nextUpdate} has not
 * passed. Every failure is an {@link IllegalStateException} that names the file or URL and says
 * what is wrong; nothing unverified is ever returned.
 */
final class MetadataBlobs {

    /** The FIDO Alliance's terms, which a downloaded BLOB must carry (Yubico checks it). */
    static final String FIDO_LEGAL_HEADER = "Retrieval and use of this BLOB indicates acceptance of the appropriate agreement "
            + "located at https://fidoalliance.org/metadata/metadata-legal-terms/";
    /** GlobalSign Root CA - R3, the root of the FIDO Metadata Service's signing certificates. */
    static final String BUNDLED_ROOT = "/org/passkeyee/internal/fido-mds-root.pem";

    private final MetadataSource source;
    private final X509Certificate root;
    /** The last BLOB downloaded from the URL, so that a download is skipped until its nextUpdate. */
    private volatile ByteArray downloaded;

    MetadataBlobs(MetadataSource source) {
        this.source = source;
        this.root = rootCertificate(source);
    }

    MetadataSource source() {
        return source;
    }

    /** The BLOB, verified and current. */
    MetadataBLOB load(Clock clock) {
        MetadataBLOB blob;
        try {
            blob = downloader(clock).loadCachedBlob();
        } catch (FidoMetadataDownloaderException e) {
            throw failure("the BLOB's signature does not verify with its signing certificate", e);
        } catch (CertPathValidatorException e) {
            throw failure("the BLOB's signing certificate does not chain to the root certificate "
                    + rootName() + " (" + e.getMessage() + ")", e);
        } catch (UnexpectedLegalHeader e) {
            throw failure("the BLOB's legal header is not the FIDO Alliance's known terms; read its terms before using it", e);
        } catch (IOException e) {
            throw failure("cannot read or parse the BLOB (" + e.getMessage() + ")", e);
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

    private FidoMetadataDownloader downloader(Clock clock) throws IOException {
        FidoMetadataDownloader.FidoMetadataDownloaderBuilder.Step4 trusted = FidoMetadataDownloader.builder()
                .expectLegalHeader(FIDO_LEGAL_HEADER)
                .useTrustRoot(root);
        FidoMetadataDownloader.FidoMetadataDownloaderBuilder builder;
        if (source.blobFile().isPresent()) {
            builder = trusted.useBlob(Files.readString(source.blobFile().get(), StandardCharsets.US_ASCII).trim());
        } else {
            builder = trusted.downloadBlob(source.blobUrl().orElseThrow().toURL())
                    .useBlobCache(() -> Optional.ofNullable(downloaded), bytes -> downloaded = bytes);
        }
        return builder.clock(clock).build();
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
