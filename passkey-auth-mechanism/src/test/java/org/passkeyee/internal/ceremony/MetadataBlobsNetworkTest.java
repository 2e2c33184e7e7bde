package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * What loading the metadata BLOB may call over the network, and for how long: the BLOB's URL with
 * a time and size limit, the revocation lists of a chain already checked to end at the root, and
 * nothing a forged BLOB names.
 */
class MetadataBlobsNetworkTest {

    private static final Duration SHORT = Duration.ofMillis(700);

    @TempDir
    static Path directory;
    private static TestMetadataService mds;
    private static TestMetadataService.Entry entry;

    @BeforeAll
    static void makeService() {
        mds = new TestMetadataService(directory);
        entry = TestMetadataService.entry(TestMetadataService.Model.newModel(), "FIDO_CERTIFIED");
    }

    private static MetadataBlobs fromUrl(String url, MetadataDownload download, Duration revocationDeadline) {
        return new MetadataBlobs(new MetadataSource(Optional.empty(), Optional.of(URI.create(url)),
                Optional.of(mds.rootCertificateFile())), download, revocationDeadline);
    }

    private static MetadataBlobs fromFile(Path blob, TestMetadataService service) {
        return new MetadataBlobs(new MetadataSource(Optional.of(blob), Optional.empty(),
                Optional.of(service.rootCertificateFile())), new MetadataDownload(), SHORT);
    }

    private static String refusal(MetadataBlobs blobs) {
        return assertThrows(IllegalStateException.class, () -> blobs.load(Clock.systemUTC())).getMessage();
    }

    @Test
    void loadWhenServedOverHttpThenDownloadedAndVerified() throws IOException {
        byte[] jwt = Files.readAllBytes(mds.blob("served.jwt", LocalDate.now().plusDays(30), entry));
        try (LoopbackHttpServer server = LoopbackHttpServer.answering(200, jwt)) {

            assertEquals(1, fromUrl(server.url("/blob"), new MetadataDownload(), SHORT).load(Clock.systemUTC())
                    .getPayload().getEntries().size());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void loadWhenTheServerNeverAnswersThenRefusedAfterTheTimeoutNamingTheUrl() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.silent()) {
            long started = System.nanoTime();

            String message = refusal(fromUrl(server.url("/blob"), new MetadataDownload(SHORT, 1024), SHORT));

            assertTrue(message.contains("passkey.mds-url " + server.url("/blob")), message);
            assertTrue(message.contains("no complete answer within"), message);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "gave up in time");
        }
    }

    @Test
    void loadWhenTheServerAnswersAnErrorThenRefusedWithItsStatus() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.answering(503, new byte[0])) {

            String message = refusal(fromUrl(server.url("/blob"), new MetadataDownload(), SHORT));

            assertTrue(message.contains("HTTP 503"), message);
        }
    }

    @Test
    void loadWhenTheAnswerIsLargerThanTheCapThenRefusedSayingSo() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.answering(200, new byte[4096])) {

            String message = refusal(fromUrl(server.url("/blob"), new MetadataDownload(SHORT, 1024), SHORT));

            assertTrue(message.contains("larger than 1024 bytes"), message);
        }
    }

    @Test
    void loadWhenSignedUnderAnotherRootThenTheRevocationListItNamesIsNeverFetched() throws IOException {
        try (LoopbackHttpServer crl = LoopbackHttpServer.answering(200, new byte[0])) {
            TestMetadataService forger = new TestMetadataService(Files.createDirectories(directory.resolve("forger")),
                    crl.url("/forged.crl"));
            Path blob = forger.blob("forged.jwt", LocalDate.now().plusDays(30), entry);

            String message = refusal(fromFile(blob, mds));

            assertTrue(message.contains("does not chain to the root certificate"), message);
            assertEquals(0, crl.requests(), "no address named by a forged BLOB is called");
        }
    }

    @Test
    void loadWhenTheHeaderNamesCertificatesByUrlThenRefusedWithoutFetchingThem() throws IOException {
        try (LoopbackHttpServer certificates = LoopbackHttpServer.answering(200, new byte[0])) {
            String jwt = Files.readString(mds.blob("x5u.jwt", LocalDate.now().plusDays(30), entry), StandardCharsets.US_ASCII);
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"" + certificates.url("/chain.pem") + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            Path blob = Files.writeString(directory.resolve("x5u-header.jwt"), header + jwt.substring(jwt.indexOf('.')));

            String message = refusal(fromFile(blob, mds));

            assertTrue(message.contains("x5u"), message);
            assertEquals(0, certificates.requests());
        }
    }

    @Test
    void loadWhenTheRevocationListNeverComesThenRefusedAfterTheDeadline() throws IOException {
        try (LoopbackHttpServer crl = LoopbackHttpServer.silent()) {
            TestMetadataService stalled = new TestMetadataService(Files.createDirectories(directory.resolve("stalled")),
                    crl.url("/root.crl"));
            Path blob = stalled.blob("stalled.jwt", LocalDate.now().plusDays(30), entry);

            String message = refusal(fromFile(blob, stalled));

            assertTrue(message.contains("revocation lists") && message.contains("could not be fetched within"), message);
            assertEquals(1, crl.requests(), "the CRL of a chain that ends at the root is fetched");
        }
    }
}
