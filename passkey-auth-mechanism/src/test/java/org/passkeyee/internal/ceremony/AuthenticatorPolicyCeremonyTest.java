package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.config.AttestationPolicy;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.internal.config.RolePolicy;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.LogCapture;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.TestClock;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * Which authenticators may register (issue 20), in-process on the real ceremonies: the AAGUID
 * lists, attestation verified against a FIDO metadata BLOB of the test's making, the model's
 * metadata status at registration and at sign-in, and the rules for a caller's role. A refused
 * registration is {@code authenticator_not_allowed} (400) and stores nothing.
 */
class AuthenticatorPolicyCeremonyTest {

    private static final String ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    static Path directory;
    private static TestMetadataService mds;
    private static TestMetadataService.Model certified;
    private static TestMetadataService.Model revoked;
    private static TestMetadataService.Model unlisted;
    private static AuthenticatorMetadata metadata;

    @BeforeAll
    static void makeMetadata() {
        mds = new TestMetadataService(directory);
        certified = TestMetadataService.Model.newModel();
        revoked = TestMetadataService.Model.newModel();
        unlisted = TestMetadataService.Model.newModel();
        metadata = AuthenticatorMetadata.load(source(mds.blob("blob.jwt", LocalDate.now().plusDays(30),
                TestMetadataService.entry(certified, "FIDO_CERTIFIED"), TestMetadataService.entry(revoked, "REVOKED"))));
    }

    private static MetadataSource source(Path blob) {
        return new MetadataSource(Optional.of(blob), Optional.empty(), Optional.of(mds.rootCertificateFile()));
    }

    private static AuthenticatorPolicy policy(Set<String> allowed, Set<String> denied, AttestationPolicy attestation,
                                              RolePolicy... rules) {
        return new AuthenticatorPolicy(allowed, denied, List.of(rules), attestation,
                attestation.required() ? Optional.of(source(directory.resolve("blob.jwt"))) : Optional.empty());
    }

    private static CeremonyHarness attestedHarness(RolePolicy... rules) {
        return new CeremonyHarness(policy(Set.of(certified.aaguid()), Set.of(), AttestationPolicy.DIRECT, rules), metadata,
                certified.authenticator(false));
    }

    /** Finishes the registration and expects it refused with {@code authenticator_not_allowed}, nothing stored. */
    private static void assertNotAllowed(CeremonyHarness harness, CeremonyHarness.Registration registration) {
        int stored = harness.store.passkeyCount();

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(registration, registration.validResponse().toString()));

        assertEquals(PasskeyErrorCode.AUTHENTICATOR_NOT_ALLOWED, refusal.code());
        assertEquals(400, refusal.status());
        assertEquals("authenticator_not_allowed", refusal.code().code());
        assertEquals(stored, harness.store.passkeyCount(), "nothing stored");
    }

    private static void assertAccepted(CeremonyHarness harness, CeremonyHarness.Registration registration) {
        int stored = harness.store.passkeyCount();
        harness.finish(registration, registration.validResponse().toString());
        assertEquals(stored + 1, harness.store.passkeyCount());
    }

    @Test
    void registerWhenTheAaguidIsDeniedThenNotAllowed() {
        String denied = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(denied), AttestationPolicy.NONE),
                AuthenticatorMetadata.none(), SoftwareAuthenticator.deviceBound());

        assertNotAllowed(harness, harness.newRegistration(SoftwareAuthenticator.synced().withAaguid(denied)));
        assertAccepted(harness, harness.newRegistration(SoftwareAuthenticator.synced().withAaguid(certified.aaguid())));
    }

    @Test
    void registerWhenAnAllowListIsSetThenOnlyItsAaguids() {
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(ZERO_AAGUID), Set.of(), AttestationPolicy.NONE),
                AuthenticatorMetadata.none(), SoftwareAuthenticator.deviceBound());

        assertNotAllowed(harness, harness.newRegistration(SoftwareAuthenticator.deviceBound().withAaguid(certified.aaguid())));
        assertAccepted(harness, harness.newRegistration(SoftwareAuthenticator.deviceBound()));
    }

    @Test
    void startWhenAttestationDirectOrEnterpriseThenTheOptionsAskForIt() {
        CeremonyHarness.Registration registration = attestedHarness().newRegistration(certified.authenticator(false));

        assertEquals("direct", registration.options().path("attestation").asText());
        assertEquals("none", new CeremonyHarness().newRegistration().options().path("attestation").asText());
        CeremonyHarness enterprise = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.ENTERPRISE), metadata,
                certified.authenticator(false));
        assertEquals("enterprise", enterprise.newRegistration(certified.authenticator(false)).options().path("attestation").asText());
    }

    @Test
    void registerWhenAttestedByARootOfItsMetadataEntryThenAcceptedWithItsFormat() throws Exception {
        CeremonyHarness harness = attestedHarness();
        CeremonyHarness.Registration registration = harness.newRegistration(certified.authenticator(false));

        assertAccepted(harness, registration);
        String id = registration.validResponse().path("id").asText();
        assertEquals("packed", harness.store.findPasskey(ByteArray.fromBase64Url(id)).orElseThrow().attestationFormat());
    }

    @Test
    void registerWhenAttestationEnterpriseAndAttestedByARootOfItsMetadataEntryThenAcceptedAsWithDirect() {
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.ENTERPRISE), metadata,
                certified.authenticator(false));
        CeremonyHarness.Registration registration = harness.newRegistration(certified.authenticator(false));

        assertEquals("enterprise", registration.options().path("attestation").asText());
        assertAccepted(harness, registration);
        assertNotAllowed(harness, harness.newRegistration(TestMetadataService.Model.newModel(certified.aaguid()).authenticator(false)));
    }

    @Test
    void registerWhenTheAttestationRootIsNotThatOfItsEntryThenNotAllowed() {
        CeremonyHarness harness = attestedHarness();
        // the certified model's AAGUID, in its certificate too, but the certificate chains to a root of its own
        TestMetadataService.Model impostor = TestMetadataService.Model.newModel(certified.aaguid());

        assertNotAllowed(harness, harness.newRegistration(impostor.authenticator(false)));
    }

    @Test
    void registerWhenTheAttestationCertificateNamesAnotherAaguidThenRejected() {
        CeremonyHarness harness = attestedHarness();
        SoftwareAuthenticator claimingCertified = SoftwareAuthenticator.deviceBound().withAaguid(certified.aaguid())
                .withPackedAttestation(unlisted.attestationKey(), List.of(unlisted.attestationCertificate()));
        CeremonyHarness.Registration registration = harness.newRegistration(claimingCertified);
        int stored = harness.store.passkeyCount();

        Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(registration, registration.validResponse().toString()));

        assertEquals(PasskeyErrorCode.REGISTRATION_REJECTED, refusal.code(), "WebAuthn §8.2.1: the statement does not verify");
        assertEquals(stored, harness.store.passkeyCount());
    }

    @Test
    void registerWhenTheModelIsNotInTheMetadataThenNotAllowed() {
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.DIRECT), metadata,
                certified.authenticator(false));

        assertNotAllowed(harness, harness.newRegistration(unlisted.authenticator(false)));
    }

    @Test
    void registerWhenItsMetadataEntryIsRevokedThenNotAllowed() {
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.DIRECT), metadata,
                certified.authenticator(false));

        assertNotAllowed(harness, harness.newRegistration(revoked.authenticator(false)));
    }

    @Test
    void registerWhenRevokedAndAttestationNotRequiredThenStillNotAllowed() {
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.NONE), metadata,
                SoftwareAuthenticator.deviceBound());

        assertNotAllowed(harness, harness.newRegistration(SoftwareAuthenticator.deviceBound().withAaguid(revoked.aaguid())));
    }

    @Test
    void registerWhenAttestationRequiredAndNoneGivenThenNotAllowed() {
        CeremonyHarness harness = attestedHarness();

        assertNotAllowed(harness, harness.newRegistration(SoftwareAuthenticator.deviceBound().withAaguid(certified.aaguid())));
    }

    @Test
    void registerWhenTheCallersRoleNeedsADeviceBoundKeyThenASyncedOneIsNotAllowed() {
        RolePolicy admins = new RolePolicy("admin", true, true, true);
        CeremonyHarness harness = attestedHarness(admins);

        assertNotAllowed(harness, harness.newRegistration(certified.authenticator(true), "admin"));
        assertAccepted(harness, harness.newRegistration(certified.authenticator(true), "user"));
        assertAccepted(harness, harness.newRegistration(certified.authenticator(false), "admin"));
    }

    @Test
    void registerWhenOnlyTheCallersRoleNeedsAttestationThenOnlyItsOptionsAskAndOnlyItIsRefusedWithout() {
        AuthenticatorPolicy onlyAdmins = new AuthenticatorPolicy(Set.of(), Set.of(), List.of(new RolePolicy("admin", true, false, false)),
                AttestationPolicy.NONE, Optional.of(source(directory.resolve("blob.jwt"))));
        CeremonyHarness harness = new CeremonyHarness(onlyAdmins, metadata, SoftwareAuthenticator.synced());

        CeremonyHarness.Registration adminUnattested = harness.newRegistration(SoftwareAuthenticator.synced(), "admin");
        CeremonyHarness.Registration userUnattested = harness.newRegistration(SoftwareAuthenticator.synced(), "user");

        assertEquals("direct", adminUnattested.options().path("attestation").asText());
        assertEquals("none", userUnattested.options().path("attestation").asText());
        assertNotAllowed(harness, adminUnattested);
        assertAccepted(harness, userUnattested);
        assertAccepted(harness, harness.newRegistration(certified.authenticator(true), "admin"));
    }

    @Test
    void registerWhenTheCallersRoleNeedsAnAttestedKeyThenAnUnattestedOneIsNotAllowed() {
        CeremonyHarness harness = new CeremonyHarness(
                policy(Set.of(ZERO_AAGUID), Set.of(), AttestationPolicy.NONE, new RolePolicy("auditor", false, true, true)),
                AuthenticatorMetadata.none(), SoftwareAuthenticator.deviceBound());

        assertNotAllowed(harness, harness.newRegistration(SoftwareAuthenticator.synced(), "auditor"));
        assertAccepted(harness, harness.newRegistration(SoftwareAuthenticator.deviceBound(), "auditor"));
    }

    @Test
    void signInWhenTheMetadataNowReportsTheModelCompromisedThenRefusedWithAWarning() throws Exception {
        Path blob = mds.blob("sign-in.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(1), TestMetadataService.entry(certified, "FIDO_CERTIFIED"));
        TestClock clock = new TestClock(java.time.Instant.now());
        AuthenticatorMetadata reloading = AuthenticatorMetadata.load(new MetadataBlobs(source(blob)), clock, Runnable::run);
        CeremonyHarness harness = new CeremonyHarness(policy(Set.of(), Set.of(), AttestationPolicy.DIRECT), reloading,
                certified.authenticator(false));
        CeremonyHarness.SignIn before = harness.newSignIn(false);
        harness.finish(before, before.validResponse().toString());
        Files.move(mds.blob("compromised.jwt", LocalDate.now(ZoneOffset.UTC).plusDays(30),
                TestMetadataService.entry(certified, "USER_KEY_PHYSICAL_COMPROMISE")), blob, StandardCopyOption.REPLACE_EXISTING);
        clock.advance(java.time.Duration.ofDays(1));
        CeremonyHarness.SignIn signIn = harness.newSignIn(false);
        List<String> warnings = LogCapture.messagesDuring(AuthenticationCeremony.class.getName(), Level.WARNING, () -> {
            Refusal refusal = assertThrows(Refusal.class, () -> harness.finish(signIn, signIn.validResponse().toString()));

            assertEquals(PasskeyErrorCode.AUTHENTICATOR_NOT_ALLOWED, refusal.code());
            assertEquals(401, refusal.status());
            assertTrue(refusal.genuine(), "signed by the key: not a failed guess");
        });

        String line = warnings.get(0);
        assertTrue(line.contains("aaguid=" + certified.aaguid()), line);
        assertTrue(line.contains("credential=" + LogText.shortId(signIn.validResponse().path("id").asText())), line);
        assertTrue(line.contains("USER_KEY_PHYSICAL_COMPROMISE"), line);
    }
}
