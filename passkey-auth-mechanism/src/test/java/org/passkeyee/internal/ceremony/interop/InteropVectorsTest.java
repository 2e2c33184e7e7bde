package org.passkeyee.internal.ceremony.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real authenticators' recorded responses, and the W3C's test vectors, put through our own
 * registration and sign-in (issue 20): each vector is accepted, or refused with the code its data
 * file names and justifies, never an unexpected exception. A vector that ran in a frame of
 * another origin runs twice: with {@code passkey.allowed-top-origins} empty, and with its top
 * origin allowed.
 */
class InteropVectorsTest {

    private static final InteropTally TALLY = new InteropTally();

    @TestFactory
    Stream<DynamicTest> everyVectorThroughOurCeremoniesGivesItsExpectedOutcome() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InteropVector vector : InteropVectorFiles.all()) {
            String name = "[" + vector.source() + "] " + vector.name() + " (" + vector.format() + ", " + vector.algorithm() + ")";
            tests.add(dynamicTest(name + (vector.framed() ? ", top origin not allowed" : ""),
                    () -> check(vector, false, vector.expected())));
            if (vector.framed()) {
                tests.add(dynamicTest(name + ", top origin allowed", () -> check(vector, true, vector.expectedFramed())));
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
            for (InteropVector.Expected expected : vector.framed()
                    ? List.of(vector.expected(), vector.expectedFramed()) : List.of(vector.expected())) {
                boolean refused = !InteropVector.Expected.ACCEPTED.equals(expected.registration())
                        || expected.signIn() != null && !InteropVector.Expected.ACCEPTED.equals(expected.signIn());
                assertFalse(refused && (expected.why() == null || expected.why().isBlank()),
                        vector.name() + ": a refusal needs its reason in the data file");
            }
        }
    }

    private static void check(InteropVector vector, boolean topOriginAllowed, InteropVector.Expected expected) {
        VectorCeremonies.Outcome outcome = VectorCeremonies.run(vector, topOriginAllowed);
        TALLY.record(vector, outcome);
        boolean registered = InteropVector.Expected.ACCEPTED.equals(outcome.registration());
        assertAll(
                () -> assertEquals(expected.registration(), outcome.registration(), "registration"),
                () -> assertEquals(expected.signIn(), outcome.signIn(), "sign-in"),
                () -> {
                    if (registered) {
                        assertEquals(vector.registration().credentialId(), outcome.stored().credentialId(), "stored ID");
                        assertEquals(vector.format(), outcome.stored().attestationFormat(), "stored format");
                    } else {
                        assertNull(outcome.stored());
                    }
                },
                () -> {
                    if (InteropVector.Expected.ACCEPTED.equals(outcome.signIn())) {
                        assertEquals(VectorCeremonies.CALLER, outcome.verified().username(), "signed-in caller");
                        assertEquals(vector.registration().credentialId().getBase64Url(), outcome.verified().credentialId());
                    }
                });
    }

    @AfterAll
    static void printCounts() {
        System.out.println(TALLY.report());
    }
}
