package org.passkeyee.internal.ceremony.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real authenticators' recorded responses, and the W3C's test vectors, put through our own
 * registration and sign-in (issue 20): each vector is accepted, or refused with the code its data
 * file names and justifies, never an unexpected exception. A vector that ran in a frame of
 * another origin runs again with its top origin allowed; an attested one runs again with its
 * attestation forwarded as {@code none}, as browsers forward it to us (we ask for none).
 */
class InteropVectorsTest {

    private static final InteropTally TALLY = new InteropTally();
    private static final Map<InteropVector.Variant, String> VARIANT_NAMES = Map.of(
            InteropVector.Variant.AS_RECORDED, "",
            InteropVector.Variant.TOP_ORIGIN_ALLOWED, ", its top origin allowed",
            InteropVector.Variant.ATTESTATION_AS_NONE, ", attestation forwarded as none");

    @TestFactory
    Stream<DynamicTest> everyVectorThroughOurCeremoniesGivesItsExpectedOutcome() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InteropVector vector : InteropVectorFiles.all()) {
            String name = "[" + vector.source() + "] " + vector.name() + " (" + vector.format() + ", " + vector.algorithm() + ")";
            for (InteropVector.Run run : vector.runs()) {
                String runName = name + VARIANT_NAMES.get(run.variant());
                tests.add(dynamicTest(runName, () -> check(runName, vector, run)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyDataFileHasVectorsAndEveryVectorSaysWhyWhenRefused() {
        for (String file : InteropVectorFiles.FILES) {
            assertFalse(InteropVectorFiles.read(file).isEmpty(), file);
        }
        for (InteropVector vector : InteropVectorFiles.all()) {
            for (InteropVector.Run run : vector.runs()) {
                InteropVector.Expected expected = run.expected();
                boolean refused = !InteropVector.Expected.ACCEPTED.equals(expected.registration())
                        || expected.signIn() != null && !InteropVector.Expected.ACCEPTED.equals(expected.signIn());
                assertFalse(refused && (expected.why() == null || expected.why().isBlank()),
                        vector.name() + ": a refusal needs its reason in the data file");
            }
        }
    }

    /** Runs the vector; {@code name} starts every failure's message (surefire's report numbers dynamic tests). */
    private static void check(String name, InteropVector vector, InteropVector.Run run) {
        VectorCeremonies.Outcome outcome = VectorCeremonies.run(vector, run.variant());
        TALLY.record(vector, run.variant(), outcome);
        InteropVector.Expected expected = run.expected();
        String expectedFormat = run.variant() == InteropVector.Variant.ATTESTATION_AS_NONE ? "none" : vector.format();
        boolean registered = InteropVector.Expected.ACCEPTED.equals(outcome.registration());
        assertAll(
                () -> assertEquals(expected.registration(), outcome.registration(), name + ": registration"),
                () -> assertEquals(expected.signIn(), outcome.signIn(), name + ": sign-in"),
                () -> {
                    if (registered) {
                        assertEquals(vector.registration().credentialId(), outcome.stored().credentialId(), name + ": stored ID");
                        assertEquals(expectedFormat, outcome.stored().attestationFormat(), name + ": stored format");
                    } else {
                        assertNull(outcome.stored(), name);
                    }
                },
                () -> {
                    if (InteropVector.Expected.ACCEPTED.equals(outcome.signIn())) {
                        assertEquals(VectorCeremonies.CALLER, outcome.verified().username(), name + ": signed-in caller");
                        assertEquals(vector.registration().credentialId().getBase64Url(), outcome.verified().credentialId(), name);
                    }
                });
    }

    @AfterAll
    static void printCounts() {
        System.out.println(TALLY.report());
    }
}
