package org.passkeyee.internal.ceremony.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * Real authenticators' attested registrations (tpm, android-key, apple, fido-u2f, packed with an
 * {@code x5c} chain), recorded, through our registration ceremony with
 * {@code passkey.attestation=direct} and a FIDO metadata BLOB signed by a test root: with an entry
 * for the authenticator (its AAGUID, or for one without, its attestation certificate's key
 * identifier) whose attestation root is the chain's own anchor ({@link AttestationRoots}), each is
 * accepted, which under {@code direct} only a trusted attestation is, or refused as
 * {@code attestation-roots.json} says and why; the same entry with an unrelated root refuses it
 * as {@code authenticator_not_allowed} (400), nothing stored. Each chain is checked at an instant
 * when its certificates were valid.
 */
class AttestationInteropTest {

    private static final AttestationRoots ROOTS = AttestationRoots.read();
    private static final String CERTIFIED = "FIDO_CERTIFIED";
    private static final AtomicInteger BLOBS = new AtomicInteger();
    /** Per format: how many recorded registrations verified against their anchor, how many not. */
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    @TempDir
    static Path directory;
    private static TestMetadataService mds;
    private static X509Certificate unrelatedRoot;

    @BeforeAll
    static void makeMetadataService() {
        mds = new TestMetadataService(directory);
        unrelatedRoot = TestMetadataService.Model.newModel().root();
    }

    /** The recorded registrations with an {@code x5c} chain that our ceremonies accept by default. */
    private static List<InteropVector> attestedVectors() {
        return InteropVectorFiles.all().stream()
                .filter(vector -> InteropVector.Expected.ACCEPTED.equals(vector.expected().registration()))
                .filter(vector -> AttestationChain.of(vector).isPresent())
                .toList();
    }

    private static String name(InteropVector vector) {
        return "[" + vector.source() + "] " + vector.name() + " (" + vector.format() + ")";
    }

    @TestFactory
    Stream<DynamicTest> registerWhenTheMetadataEntryListsTheChainsAnchorThenAcceptedAsTrusted() {
        return attestedVectors().stream().map(vector -> dynamicTest(name(vector), () -> {
            AttestationChain chain = AttestationChain.of(vector).orElseThrow();
            X509Certificate anchor = ROOTS.anchorFor(chain);

            MetadataVectorCeremonies.Outcome outcome = MetadataVectorCeremonies.register(vector, blobListing(chain, anchor),
                    mds.rootCertificateFile(), chain.validMidpoint(anchor));

            count(vector.format(), outcome);
            if (ROOTS.whyUnverifiable(vector).isPresent()) {
                assertRefused(name(vector), outcome);
            } else {
                assertEquals(InteropVector.Expected.ACCEPTED, outcome.registration(), name(vector));
                assertAll(
                        () -> assertEquals(vector.format(), outcome.stored().attestationFormat(), name(vector)),
                        () -> assertEquals(chain.aaguid(), outcome.stored().aaguid(), name(vector)),
                        () -> assertTrue(outcome.inStore(), name(vector)));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> registerWhenTheMetadataEntryListsAnUnrelatedRootThenNotAllowed() {
        return attestedVectors().stream().map(vector -> dynamicTest(name(vector), () -> {
            AttestationChain chain = AttestationChain.of(vector).orElseThrow();

            MetadataVectorCeremonies.Outcome outcome = MetadataVectorCeremonies.register(vector, blobListing(chain, unrelatedRoot),
                    mds.rootCertificateFile(), chain.validMidpoint(ROOTS.anchorFor(chain)));

            assertRefused(name(vector), outcome);
        }));
    }

    @Test
    void everyUnverifiableRegistrationInTheDataFileIsARecordedAttestedOneAndSaysWhy() {
        List<String> attested = attestedVectors().stream().map(AttestationRoots::key).toList();

        ROOTS.unverifiable().forEach((vector, why) -> {
            assertTrue(attested.contains(vector), AttestationRoots.FILE + " names no recorded attested registration: " + vector);
            assertFalse(why.isBlank(), vector + ": say why");
        });
    }

    /** A BLOB whose one entry is the chain's authenticator's, with {@code root} as its attestation root. */
    private static Path blobListing(AttestationChain chain, X509Certificate root) {
        TestMetadataService.Entry entry = chain.hasAaguid()
                ? new TestMetadataService.Entry(chain.aaguid(), root, CERTIFIED)
                : TestMetadataService.Entry.ofKeyIdentifier(chain.keyIdentifier(), root, CERTIFIED);
        return mds.blob("recorded-" + BLOBS.incrementAndGet() + ".jwt", LocalDate.now().plusDays(30), entry);
    }

    private static void assertRefused(String name, MetadataVectorCeremonies.Outcome outcome) {
        assertAll(
                () -> assertEquals(PasskeyErrorCode.AUTHENTICATOR_NOT_ALLOWED.name(), outcome.registration(), name),
                () -> assertEquals(400, outcome.status(), name),
                () -> assertNull(outcome.stored(), name),
                () -> assertFalse(outcome.inStore(), name + ": nothing stored"));
    }

    private static synchronized void count(String format, MetadataVectorCeremonies.Outcome outcome) {
        COUNTS.computeIfAbsent(format, f -> new int[2])[InteropVector.Expected.ACCEPTED.equals(outcome.registration()) ? 0 : 1]++;
    }

    @AfterAll
    static void printCounts() {
        System.out.println("Recorded attested registrations against a metadata entry listing their anchor:\n" + COUNTS.entrySet().stream()
                .map(format -> String.format("  %-12s verified %2d, not verified %2d", format.getKey(), format.getValue()[0],
                        format.getValue()[1]))
                .collect(Collectors.joining("\n")));
    }
}
