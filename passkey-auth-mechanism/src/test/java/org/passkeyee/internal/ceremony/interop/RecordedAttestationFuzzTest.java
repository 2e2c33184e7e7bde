package org.passkeyee.internal.ceremony.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.yubico.webauthn.data.ByteArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.passkeyee.testsupport.Cbor;
import org.passkeyee.testsupport.LogCapture;

/**
 * Fuzzing the attestation formats of real authenticators (issue 20): each input takes a recorded
 * registration our ceremonies accept as recorded (tpm, android-key, apple, fido-u2f, packed,
 * android-safetynet) and breaks its attestation statement ({@link RecordedStatementMutator}).
 * Registering it either succeeds or is refused with a stable code, never another exception (a
 * 500); a refused one stores nothing; and Yubico logs nothing at SEVERE or WARNING, where a
 * record would carry the caller's attestation object into the server log.
 */
class RecordedAttestationFuzzTest {

    private static final List<InteropVector> ATTESTED = InteropVectorFiles.all().stream()
            .filter(vector -> !"none".equals(vector.format()))
            .filter(vector -> InteropVector.Expected.ACCEPTED.equals(vector.expected().registration()))
            .toList();

    @Property(seed = "20261206", shrinking = ShrinkingMode.OFF)
    void registrationWhateverTheRecordedStatementThenSuccessOrACodedRefusal(@ForAll long seed) {
        Random random = new Random(seed);
        InteropVector vector = ATTESTED.get(random.nextInt(ATTESTED.size()));
        List<String> mutations = new ArrayList<>();
        InteropVector broken = vector.withRegistration(vector.registration().withAttestationObject(
                RecordedStatementMutator.mutate(vector.registration().attestationObject(), random, mutations)));
        VectorCeremonies.Outcome[] outcome = new VectorCeremonies.Outcome[1];

        List<String> logged = yubicoLogDuring(() -> outcome[0] = run(broken, seed, mutations));

        Statistics.label(vector.format()).collect(outcome[0].registration());
        if (!InteropVector.Expected.ACCEPTED.equals(outcome[0].registration())) {
            assertNull(outcome[0].stored(), "a refused registration stores nothing");
        }
        assertEquals(List.of(), logged, () -> "seed " + seed + ", " + vector.name() + ", mutations " + mutations);
    }

    /** Found by this fuzzer: Yubico logged SEVERE with the whole certificate ("Attestation key is invalid"). */
    @Example
    void registrationWhenThePackedAlgorithmDoesNotFitTheCertificatesKeyThenRejectedAndYubicoLogsNothing() {
        InteropVector packed = firstOf("packed", statement -> statement.containsKey("x5c"));

        assertRejectedLoggingNothing(packed, statement -> statement.put("alg", -8L));
    }

    /** Found by this fuzzer: Yubico logged SEVERE with the whole response ("Failed to parse JWS"). */
    @Example
    void registrationWhenTheSafetyNetResponseIsNoJwsThenRejectedAndYubicoLogsNothing() {
        InteropVector safetyNet = firstOf("android-safetynet", statement -> true);

        assertRejectedLoggingNothing(safetyNet, statement -> statement.put("response", "not.a.jws".getBytes()));
    }

    /** Yubico verifies nothing of an android-key statement; ours does (WebAuthn §8.4). */
    @Example
    void registrationWhenARealAndroidKeySignatureIsDamagedThenRejected() {
        InteropVector android = firstOf("android-key", statement -> true);

        assertRejectedLoggingNothing(android, statement -> {
            byte[] signature = ((byte[]) statement.get("sig")).clone();
            signature[signature.length - 1] ^= 1;
            statement.put("sig", signature);
        });
    }

    /** Yubico accepts a format nobody defined as untrusted; there is no procedure to verify it by (§7.1 step 21). */
    @Example
    void registrationWhenTheFormatIsNoneWebAuthnDefinesThenRejected() {
        InteropVector tpm = firstOf("tpm", statement -> true);
        @SuppressWarnings("unchecked")
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<Object, Object>) Cbor.decode(
                tpm.registration().attestationObject().getBytes()));
        attestation.put("fmt", "compound");

        VectorCeremonies.Outcome outcome = VectorCeremonies.run(tpm.withRegistration(
                tpm.registration().withAttestationObject(new ByteArray(Cbor.encode(attestation)))), InteropVector.Variant.AS_RECORDED);

        assertEquals("REGISTRATION_REJECTED", outcome.registration());
        assertNull(outcome.stored());
    }

    private static InteropVector firstOf(String format, Predicate<Map<Object, Object>> statementHas) {
        return ATTESTED.stream()
                .filter(vector -> vector.format().equals(format) && statementHas.test(statement(vector)))
                .findFirst().orElseThrow();
    }

    private static void assertRejectedLoggingNothing(InteropVector vector, Consumer<Map<Object, Object>> change) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<Object, Object>) Cbor.decode(
                vector.registration().attestationObject().getBytes()));
        Map<Object, Object> statement = statement(vector);
        change.accept(statement);
        attestation.put("attStmt", statement);
        InteropVector broken = vector.withRegistration(
                vector.registration().withAttestationObject(new ByteArray(Cbor.encode(attestation))));
        VectorCeremonies.Outcome[] outcome = new VectorCeremonies.Outcome[1];

        List<String> logged = yubicoLogDuring(() -> outcome[0] = VectorCeremonies.run(broken, InteropVector.Variant.AS_RECORDED));

        assertEquals("REGISTRATION_REJECTED", outcome[0].registration());
        assertEquals(List.of(), logged);
    }

    private static Map<Object, Object> statement(InteropVector vector) {
        Map<?, ?> attestation = (Map<?, ?>) Cbor.decode(vector.registration().attestationObject().getBytes());
        return new LinkedHashMap<>((Map<?, ?>) attestation.get("attStmt"));
    }

    private static VectorCeremonies.Outcome run(InteropVector vector, long seed, List<String> mutations) {
        try {
            return VectorCeremonies.run(vector, InteropVector.Variant.AS_RECORDED);
        } catch (RuntimeException unexpected) {
            return fail("seed " + seed + ", " + vector.name() + " (" + vector.format() + "), mutations " + mutations
                    + ": " + unexpected, unexpected);
        }
    }

    /** What Yubico logs at WARNING or above while {@code action} runs. */
    private static List<String> yubicoLogDuring(Runnable action) {
        return LogCapture.messagesDuring("com.yubico", Level.WARNING, action);
    }
}
