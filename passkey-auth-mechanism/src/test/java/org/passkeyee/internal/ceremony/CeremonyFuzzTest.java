package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.logging.Level;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.Cbor;
import org.passkeyee.testsupport.LogCapture;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * Structure-aware fuzzing of both ceremonies, in-process: each input starts from a valid ceremony
 * made by the software authenticator and breaks one to three things in it
 * ({@link ResponseMutator}). Whatever comes in, finishing the ceremony either succeeds or ends in
 * a {@link Refusal} with a stable code (a 4xx answer at the edge), never in any other
 * exception (a 500), and a refused input stores nothing. The mutations include those the
 * registration rules refuse ({@link RegistrationRulesTest}): keys that do not fit their
 * algorithm, statements that are not of their format, flags and extensions out of place,
 * {@code credProps} saying {@code rk: false}.
 *
 * <p>jqwik drives it: every input is one 64-bit seed of a {@link Random}, the run's seed is fixed
 * so that a run is reproducible, and a failure reports the seed that replays it. The number of
 * inputs is {@code jqwik.tries.default} ({@code src/test/resources/junit-platform.properties}: a
 * bounded run in every build; {@code ./run-benchmark.sh fuzz} runs 100,000 per ceremony). The
 * outcome histogram jqwik prints lists the refusal codes seen; the summary line after each
 * property counts inputs, distinct codes and unexpected exceptions.
 */
class CeremonyFuzzTest {

    private static CeremonyHarness harness;
    /** Attestation required and verified against a test metadata BLOB; the model's authenticator registers. */
    private static CeremonyHarness attestedHarness;
    private static TestMetadataService.Model model;
    private static final List<String> UNEXPECTED = new ArrayList<>();

    @BeforeContainer
    static void startHarness() throws java.io.IOException {
        harness = new CeremonyHarness();
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "fuzz-mds");
        TestMetadataService mds = new TestMetadataService(directory);
        model = TestMetadataService.Model.newModel();
        org.passkeyee.internal.config.MetadataSource source = new org.passkeyee.internal.config.MetadataSource(
                java.util.Optional.of(mds.blob("blob.jwt", java.time.LocalDate.now().plusDays(30),
                        TestMetadataService.entry(model, "FIDO_CERTIFIED"))),
                java.util.Optional.empty(), java.util.Optional.of(mds.rootCertificateFile()));
        attestedHarness = new CeremonyHarness(new org.passkeyee.internal.config.AuthenticatorPolicy(java.util.Set.of(),
                java.util.Set.of(), List.of(), org.passkeyee.internal.config.AttestationPolicy.DIRECT, java.util.Optional.of(source)),
                AuthenticatorMetadata.load(source), model.authenticator(false));
    }

    @AfterContainer
    static void report() {
        System.out.printf("Ceremony fuzzing: unexpected exceptions %d%n", UNEXPECTED.size());
    }

    @Property(seed = "20261201", shrinking = ShrinkingMode.OFF)
    void signInWhateverTheResponseThenSuccessOrACodedRefusal(@ForAll long seed) {
        Random random = new Random(seed);
        CeremonyHarness.SignIn signIn = harness.newSignIn(random.nextBoolean());
        List<String> mutations = new ArrayList<>();
        String response = ResponseMutator.mutate(signIn.validResponse(), random, mutations);
        int stored = harness.store.passkeyCount();

        String outcome = outcome(() -> harness.finish(signIn, response), seed, mutations);

        Statistics.label("sign-in").collect(outcome);
        assertEquals(stored, harness.store.passkeyCount(), "a sign-in never adds or removes a passkey");
    }

    @Property(seed = "20261202", shrinking = ShrinkingMode.OFF)
    void registrationWhateverTheResponseThenSuccessOrACodedRefusal(@ForAll long seed) {
        Random random = new Random(seed);
        CeremonyHarness.Registration registration = harness.newRegistration();
        List<String> mutations = new ArrayList<>();
        String response = ResponseMutator.mutate(registration.validResponse(), random, mutations);
        int stored = harness.store.passkeyCount();

        String outcome = outcome(() -> harness.finish(registration, response), seed, mutations);

        Statistics.label("registration").collect(outcome);
        assertEquals(outcome.equals("accepted") ? stored + 1 : stored, harness.store.passkeyCount(),
                () -> "a refused registration stores nothing: " + mutations);
    }

    /**
     * The sealed state a stranger's browser carries back: bytes flipped, cut, repeated, swapped,
     * re-encoded, replaced by junk. Whatever comes in, opening it gives back the very ceremony that
     * was sealed (only when nothing changed) or {@code ceremony_not_found}; never another code,
     * never another exception, never a ceremony that was not sealed. (The seal's nonce is random:
     * a failing seed replays the mutations on other bytes; the failure shows both states. Found by
     * it: the JDK's decoder accepts padding, so the same bytes re-encoded opened; now only the
     * form the seal writes does.)
     */
    @Property(seed = "20261208", shrinking = ShrinkingMode.OFF)
    void sealedSignInWhateverTheCookieThenTheSameCeremonyOrNotFound(@ForAll long seed) {
        Random random = new Random(seed);
        String sealed = harness.sealedSignIn(random.nextBoolean());
        List<String> mutations = new ArrayList<>();
        String brought = SealedStateMutator.mutate(sealed, random, mutations);
        PendingCeremony[] opened = new PendingCeremony[1];
        PendingCeremony original = harness.takeSealedSignIn(sealed);

        String outcome = outcome(() -> opened[0] = harness.takeSealedSignIn(brought), seed, mutations);

        Statistics.label("sealed sign-in").collect(outcome);
        if (outcome.equals("accepted")) {
            assertEquals(sealed, brought, () -> "only the unchanged state opens: " + mutations);
            assertEquals(original, opened[0]);
        } else {
            assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND.code(), outcome, () -> String.valueOf(mutations));
        }
    }

    /**
     * Attestation statements: a packed statement with x5c, verified against the metadata, with its
     * algorithm, signature, certificate chain or format broken. A statement that does not verify
     * is {@code registration_rejected}, one that verifies but is not trusted
     * {@code authenticator_not_allowed}; never a 500, and nothing stored.
     */
    @Property(seed = "20261203", shrinking = ShrinkingMode.OFF)
    void attestedRegistrationWhateverTheStatementThenSuccessOrACodedRefusal(@ForAll long seed) {
        Random random = new Random(seed);
        CeremonyHarness.Registration registration = attestedHarness.newRegistration(model.authenticator(random.nextBoolean()));
        List<String> mutations = new ArrayList<>();
        String response = random.nextInt(4) == 0
                ? ResponseMutator.mutate(registration.validResponse(), random, mutations)
                : ResponseMutator.mutateAttestationStatement(registration.validResponse(), random, mutations);
        int stored = attestedHarness.store.passkeyCount();

        String outcome = outcome(() -> attestedHarness.finish(registration, response), seed, mutations);

        Statistics.label("attested registration").collect(outcome);
        assertEquals(outcome.equals("accepted") ? stored + 1 : stored, attestedHarness.store.passkeyCount(),
                () -> "a refused registration stores nothing: " + mutations);
    }

    /**
     * Found by this fuzzer: a COSE key parameter of the wrong CBOR type made Yubico throw a bare
     * {@code IllegalStateException} ("Not an integer type"), answered 500.
     */
    @Example
    void registrationWhenACoseKeyParameterHasTheWrongCborTypeThenRegistrationRejected() {
        assertRegistrationWithCoseKeyRefused(PasskeyErrorCode.REGISTRATION_REJECTED, coseKey -> coseKey.put(3L, "ES256"));
    }

    /**
     * Found by the long run: an EC point of the wrong size made Yubico log a SEVERE stack trace
     * per attempt before refusing; the key is now read (and refused) before Yubico sees it.
     */
    @Example
    void registrationWhenTheEcPointHasTheWrongSizeThenUnsupportedCredentialAndYubicoLogsNothing() {
        List<String> logged = yubicoLogDuring(() -> assertRegistrationWithCoseKeyRefused(PasskeyErrorCode.UNSUPPORTED_CREDENTIAL, coseKey -> {
            byte[] x = (byte[]) coseKey.get(-2L);
            coseKey.put(-2L, Arrays.copyOf(x, x.length - 1));
        }));

        assertEquals(List.of(), logged);
    }

    /**
     * Found by this fuzzer: an attestation certificate that does not parse, or a signature that is
     * not DER, made Yubico log SEVERE with a stack trace and the whole attestation object; the
     * statement is now read (and refused) before Yubico sees it.
     */
    @Example
    void attestedRegistrationWhenTheStatementIsUnreadableThenRegistrationRejectedAndYubicoLogsNothing() {
        for (Consumer<Map<Object, Object>> unreadable : List.<Consumer<Map<Object, Object>>>of(
                statement -> statement.put("x5c", List.of(((List<?>) statement.get("x5c")).get(0), new byte[] {0x30, 0x03, 1, 2, 3})),
                statement -> statement.put("sig", Arrays.copyOf((byte[]) statement.get("sig"), 20)),
                statement -> statement.put("alg", -257L))) {
            CeremonyHarness.Registration registration = attestedHarness.newRegistration(model.authenticator(false));
            ObjectNode response = registration.validResponse().deepCopy();
            ObjectNode attestationResponse = (ObjectNode) response.get("response");
            Map<Object, Object> attestation = new LinkedHashMap<>((Map<?, ?>) Cbor.decode(
                    Base64.getUrlDecoder().decode(attestationResponse.get("attestationObject").asText())));
            Map<Object, Object> statement = new LinkedHashMap<>((Map<?, ?>) attestation.get("attStmt"));
            unreadable.accept(statement);
            attestation.put("attStmt", statement);
            attestationResponse.put("attestationObject", Base64.getUrlEncoder().withoutPadding().encodeToString(Cbor.encode(attestation)));

            List<String> logged = yubicoLogDuring(() -> assertEquals(PasskeyErrorCode.REGISTRATION_REJECTED,
                    assertThrows(Refusal.class, () -> attestedHarness.finish(registration, response.toString())).code()));

            assertEquals(List.of(), logged);
        }
    }

    /** What Yubico logs while {@code action} runs. */
    private static List<String> yubicoLogDuring(Runnable action) {
        return LogCapture.messagesDuring("com.yubico", Level.ALL, action);
    }

    /** A registration whose COSE key {@code mutation} changed is refused with {@code expected} and stores nothing. */
    private static void assertRegistrationWithCoseKeyRefused(PasskeyErrorCode expected, Consumer<Map<Object, Object>> mutation) {
        CeremonyHarness.Registration registration = harness.newRegistration();
        ObjectNode response = registration.validResponse().deepCopy();
        ObjectNode attestationResponse = (ObjectNode) response.get("response");
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<?, ?>) Cbor.decode(
                Base64.getUrlDecoder().decode(attestationResponse.get("attestationObject").asText())));
        byte[] authData = (byte[]) attestation.get("authData");
        int keyStart = 55 + (((authData[53] & 0xff) << 8) | (authData[54] & 0xff));
        Map<Object, Object> coseKey = new LinkedHashMap<>((Map<?, ?>) Cbor.decode(Arrays.copyOfRange(authData, keyStart, authData.length)));
        mutation.accept(coseKey);
        byte[] keyBytes = Cbor.encode(coseKey);
        byte[] mutated = Arrays.copyOf(authData, keyStart + keyBytes.length);
        System.arraycopy(keyBytes, 0, mutated, keyStart, keyBytes.length);
        attestation.put("authData", mutated);
        attestationResponse.put("attestationObject", Base64.getUrlEncoder().withoutPadding().encodeToString(Cbor.encode(attestation)));
        int stored = harness.store.passkeyCount();

        Refusal refused = assertThrows(Refusal.class, () -> harness.finish(registration, response.toString()));

        assertEquals(expected, refused.code());
        assertEquals(stored, harness.store.passkeyCount());
    }

    /** "accepted", the refusal's code, or a test failure naming the seed and the mutations. */
    private static String outcome(Runnable finish, long seed, List<String> mutations) {
        try {
            finish.run();
            return "accepted";
        } catch (Refusal refusal) {
            return refusal.code().code();
        } catch (PasskeyStoreException impossible) {
            return fail("the in-memory store cannot fail", impossible);
        } catch (RuntimeException unexpected) {
            synchronized (UNEXPECTED) {
                UNEXPECTED.add(seed + " " + mutations);
            }
            return fail("seed " + seed + ", mutations " + mutations + ": " + unexpected, unexpected);
        }
    }
}
