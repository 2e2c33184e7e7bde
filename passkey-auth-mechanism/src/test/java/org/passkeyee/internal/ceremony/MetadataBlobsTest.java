package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.fido.metadata.AuthenticatorStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.testsupport.TestClock;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * Loading the FIDO Metadata Service BLOB: only a BLOB whose signature chains to the configured
 * root and whose {@code nextUpdate} is to come is used; anything else fails with a message naming
 * the file or URL.
 */
class MetadataBlobsTest {

    @TempDir
    static Path directory;
    private static TestMetadataService mds;
    private static TestMetadataService.Model model;

    @BeforeAll
    static void makeService() {
        mds = new TestMetadataService(directory);
        model = TestMetadataService.Model.newModel();
    }

    private static MetadataSource file(Path blob) {
        return new MetadataSource(Optional.of(blob), Optional.empty(), Optional.of(mds.rootCertificateFile()));
    }

    private static String refusal(MetadataSource source) {
        return assertThrows(IllegalStateException.class, () -> AuthenticatorMetadata.load(source)).getMessage();
    }

    @Test
    void loadWhenSignedUnderTheRootAndCurrentThenStatusesKnown() {
        Path blob = mds.blob("valid.jwt", LocalDate.now().plusDays(30), TestMetadataService.entry(model, "REVOKED"));

        AuthenticatorMetadata metadata = AuthenticatorMetadata.load(file(blob));

        assertTrue(metadata.present());
        assertEquals(Optional.of(AuthenticatorStatus.REVOKED), metadata.compromise(model.aaguid()));
        assertEquals(Optional.empty(), metadata.compromise("00000000-0000-0000-0000-000000000000"));
        assertTrue(metadata.trustSource().isPresent());
    }

    @Test
    void loadWhenDownloadedFromAUrlThenVerifiedAlike() {
        Path blob = mds.blob("download.jwt", LocalDate.now().plusDays(30), TestMetadataService.entry(model, "FIDO_CERTIFIED"));

        AuthenticatorMetadata metadata = AuthenticatorMetadata.load(
                new MetadataSource(Optional.empty(), Optional.of(blob.toUri()), Optional.of(mds.rootCertificateFile())));

        assertEquals(Optional.empty(), metadata.compromise(model.aaguid()));
    }

    @Test
    void loadWhenTheSignatureIsBadThenRefusedNamingTheFile() {
        Path blob = mds.blobWithBadSignature("forged.jwt", TestMetadataService.entry(model, "FIDO_CERTIFIED"));

        String message = refusal(file(blob));

        assertTrue(message.contains("passkey.mds-blob " + blob), message);
        assertTrue(message.contains("signature does not verify"), message);
    }

    @Test
    void loadWhenSignedUnderAnotherRootThenRefused() throws IOException {
        Path blob = new TestMetadataService(Files.createDirectories(directory.resolve("other")))
                .blob("other.jwt", LocalDate.now().plusDays(30), TestMetadataService.entry(model, "FIDO_CERTIFIED"));

        String message = refusal(file(blob));

        assertTrue(message.contains("does not chain to the root certificate"), message);
    }

    @Test
    void loadWhenTheBlobExpiredThenRefusedSayingWhen() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Path blob = mds.blob("expired.jwt", yesterday, TestMetadataService.entry(model, "FIDO_CERTIFIED"));

        String message = refusal(file(blob));

        assertTrue(message.contains("expired") && message.contains(yesterday.toString()), message);
        assertTrue(message.contains(blob.toString()), message);
    }

    @Test
    void loadWhenNotAJwtThenRefusedNamingTheFile() throws IOException {
        Path blob = Files.writeString(directory.resolve("garbage.jwt"), "this is not a BLOB");

        String message = refusal(file(blob));

        assertTrue(message.startsWith("FIDO metadata from passkey.mds-blob " + blob), message);
    }

    @Test
    void loadWhenTheRootIsNotACertificateThenRefusedNamingIt() throws IOException {
        Path notPem = Files.writeString(directory.resolve("root.txt"), "no certificate here");
        Path blob = mds.blob("any.jwt", LocalDate.now().plusDays(30));

        String message = refusal(new MetadataSource(Optional.of(blob), Optional.empty(), Optional.of(notPem)));

        assertTrue(message.contains("passkey.mds-root-certificate " + notPem), message);
    }

    @Test
    void loadWhenNoRootConfiguredThenTheBundledFidoRootRefusesATestBlob() {
        Path blob = mds.blob("test-signed.jwt", LocalDate.now().plusDays(30));

        String message = refusal(new MetadataSource(Optional.of(blob), Optional.empty(), Optional.empty()));

        assertTrue(message.contains("the bundled FIDO root"), message);
    }

    @Test
    void bundledRootIsTheFidoMetadataServiceRoot() throws Exception {
        try (InputStream pem = MetadataBlobs.class.getResourceAsStream(MetadataBlobs.BUNDLED_ROOT)) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(pem).getEncoded();
            // GlobalSign Root CA - R3, the hash Yubico's FidoMetadataDownloader.useDefaultTrustRoot() checks
            assertEquals("cbb522d7b7f127ad6a0113865bdf1cd4102e7d0759af635a7cf4720dc963c53b",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        }
    }

    @Test
    void compromiseWhenNextUpdateCameThenReloadedFromTheFile() throws IOException {
        Path blob = mds.blob("reloaded.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(1),
                TestMetadataService.entry(model, "FIDO_CERTIFIED"));
        TestClock clock = new TestClock(java.time.Instant.now());
        AuthenticatorMetadata metadata = AuthenticatorMetadata.load(new MetadataBlobs(file(blob)), clock, Runnable::run);
        assertFalse(metadata.compromise(model.aaguid()).isPresent());
        Files.move(mds.blob("next.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(30),
                TestMetadataService.entry(model, "USER_KEY_REMOTE_COMPROMISE")), blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertFalse(metadata.compromise(model.aaguid()).isPresent(), "not reloaded before its nextUpdate");
        clock.advance(java.time.Duration.ofDays(1));

        assertEquals(Optional.of(AuthenticatorStatus.USER_KEY_REMOTE_COMPROMISE), metadata.compromise(model.aaguid()));
    }

    @Test
    void compromiseWhenTheReloadFailsThenTheLoadedBlobStays() throws IOException {
        Path blob = mds.blob("kept.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(1), TestMetadataService.entry(model, "REVOKED"));
        TestClock clock = new TestClock(java.time.Instant.now());
        AuthenticatorMetadata metadata = AuthenticatorMetadata.load(new MetadataBlobs(file(blob)), clock, Runnable::run);
        Files.writeString(blob, "broken");
        clock.advance(java.time.Duration.ofDays(1));

        assertEquals(Optional.of(AuthenticatorStatus.REVOKED), metadata.compromise(model.aaguid()));
    }

    @Test
    void compromiseWhileTheReloadRunsThenTheBlobInUseAnswersAndOneReloadIsStarted() throws IOException {
        Path blob = mds.blob("slow.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(1), TestMetadataService.entry(model, "FIDO_CERTIFIED"));
        TestClock clock = new TestClock(java.time.Instant.now());
        java.util.List<Runnable> pending = new java.util.ArrayList<>();
        AuthenticatorMetadata metadata = AuthenticatorMetadata.load(new MetadataBlobs(file(blob)), clock, pending::add);
        Files.move(mds.blob("slow-next.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(30), TestMetadataService.entry(model, "REVOKED")),
                blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        clock.advance(java.time.Duration.ofDays(1));

        assertEquals(Optional.empty(), metadata.compromise(model.aaguid()), "the BLOB in use, while the reload runs");
        assertEquals(Optional.empty(), metadata.compromise(model.aaguid()));
        assertEquals(1, pending.size(), "one reload at a time");
        pending.get(0).run();

        assertEquals(Optional.of(AuthenticatorStatus.REVOKED), metadata.compromise(model.aaguid()));
    }
}
