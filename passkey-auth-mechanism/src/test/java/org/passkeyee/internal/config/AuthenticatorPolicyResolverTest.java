package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorPolicyResolverTest {

    private static final String YUBIKEY = "ee882879-721c-4913-9775-3dfcce97072a";
    private static final String OTHER = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";

    @TempDir
    Path directory;

    private static AuthenticatorPolicy resolve(Map<String, String> properties) {
        return new AuthenticatorPolicyResolver(name -> Optional.ofNullable(properties.get(name))).resolve();
    }

    private static String refusal(Map<String, String> properties) {
        return assertThrows(IllegalStateException.class, () -> resolve(properties)).getMessage();
    }

    private Path blob() throws IOException {
        return Files.writeString(directory.resolve("blob.jwt"), "a.b.c");
    }

    @Test
    void resolveWhenNothingSetThenOpen() {
        assertEquals(AuthenticatorPolicy.OPEN, resolve(Map.of()));
    }

    @Test
    void resolveWhenListsSetThenTrimmedAaguids() {
        AuthenticatorPolicy policy = resolve(Map.of("passkey.allowed-aaguids", " " + YUBIKEY + " ,, ",
                "passkey.denied-aaguids", OTHER));

        assertEquals(Set.of(YUBIKEY), policy.allowedAaguids());
        assertEquals(Set.of(OTHER), policy.deniedAaguids());
        assertTrue(policy.listsAllow(YUBIKEY));
        assertFalse(policy.listsAllow(OTHER), "denied");
        assertFalse(policy.listsAllow("00000000-0000-0000-0000-000000000000"), "not on the allow list");
        assertFalse(policy.listsAllow(null), "an authenticator without AAGUID is not on an allow list");
    }

    @Test
    void listsAllowWhenOnlyADenyListThenEverythingElse() {
        AuthenticatorPolicy policy = resolve(Map.of("passkey.denied-aaguids", OTHER));

        assertTrue(policy.listsAllow(YUBIKEY));
        assertTrue(policy.listsAllow(null));
        assertFalse(policy.listsAllow(OTHER));
    }

    @Test
    void resolveWhenAnAaguidIsMalformedThenRefusedNamingPropertyAndEntry() {
        String message = refusal(Map.of("passkey.denied-aaguids", OTHER + ",EE882879-721C-4913-9775-3DFCCE97072A"));

        assertTrue(message.contains("passkey.denied-aaguids"), message);
        assertTrue(message.contains("EE882879-721C-4913-9775-3DFCCE97072A"), message);
        assertTrue(refusal(Map.of("passkey.allowed-aaguids", "ee882879721c491397753dfcce97072a")).contains("passkey.allowed-aaguids"));
    }

    @Test
    void resolveWhenRolePoliciesSetThenOneRulePerRole() throws IOException {
        AuthenticatorPolicy policy = resolve(Map.of(
                "passkey.allowed-aaguids", YUBIKEY,
                "passkey.attestation", "direct",
                "passkey.mds-blob", blob().toString(),
                "passkey.role-policies", "admin:attested+allowed+device-bound, auditor : Device-Bound"));

        assertEquals(List.of(new RolePolicy("admin", true, true, true), new RolePolicy("auditor", false, false, true)),
                policy.rolePolicies());
        assertEquals("admin:attested+allowed+device-bound", policy.rolePolicies().get(0).toString());
        assertEquals(List.of(policy.rolePolicies().get(1)), policy.rulesFor("auditor"::equals));
    }

    @Test
    void resolveWhenARoleRuleIsMalformedThenRefusedSayingTheSyntax() {
        assertTrue(refusal(Map.of("passkey.role-policies", "admin")).contains("role:requirement"));
        assertTrue(refusal(Map.of("passkey.role-policies", ":device-bound")).contains("role:requirement"));
        assertTrue(refusal(Map.of("passkey.role-policies", "admin:hardware")).contains("'hardware'"));
        assertTrue(refusal(Map.of("passkey.role-policies", "admin:")).contains("is not a requirement"));
        assertTrue(refusal(Map.of("passkey.role-policies", "admin:device-bound,admin:device-bound")).contains("two rules"));
    }

    @Test
    void resolveWhenARoleRuleCannotBeMetThenRefused() {
        assertTrue(refusal(Map.of("passkey.role-policies", "admin:attested")).contains("passkey.mds-blob"));
        assertTrue(refusal(Map.of("passkey.role-policies", "admin:allowed")).contains("passkey.allowed-aaguids"));
    }

    @Test
    void resolveWhenAttestationWithoutMetadataThenRefused() {
        String message = refusal(Map.of("passkey.attestation", "direct"));

        assertTrue(message.contains("passkey.mds-blob") && message.contains("passkey.mds-url"), message);
        assertTrue(refusal(Map.of("passkey.attestation", "indirect")).contains("none, direct or enterprise"));
    }

    @Test
    void resolveWhenMetadataSetThenItsSource() throws IOException {
        Path blob = blob();
        AuthenticatorPolicy fromFile = resolve(Map.of("passkey.attestation", "Enterprise", "passkey.mds-blob", blob.toString()));
        AuthenticatorPolicy fromUrl = resolve(Map.of("passkey.mds-url", "https://mds3.fidoalliance.org/"));

        assertEquals(AttestationPolicy.ENTERPRISE, fromFile.attestation());
        assertEquals(Optional.of(blob), fromFile.metadata().orElseThrow().blobFile());
        assertEquals("https://mds3.fidoalliance.org/", fromUrl.metadata().orElseThrow().blobUrl().orElseThrow().toString());
        assertEquals(AttestationPolicy.NONE, fromUrl.attestation(), "statuses without attestation: a choice of the admin");
    }

    @Test
    void resolveWhenMetadataSourceUnusableThenRefusedNamingIt() throws IOException {
        assertTrue(refusal(Map.of("passkey.mds-blob", "/nonexistent/blob.jwt")).contains("/nonexistent/blob.jwt"));
        assertTrue(refusal(Map.of("passkey.mds-url", "http://mds3.fidoalliance.org/")).contains("https"));
        assertTrue(refusal(Map.of("passkey.mds-blob", blob().toString(), "passkey.mds-url", "https://mds3.fidoalliance.org/"))
                .contains("not both"));
        assertTrue(refusal(Map.of("passkey.mds-url", "https://mds3.fidoalliance.org/", "passkey.mds-root-certificate", "/nope.pem"))
                .contains("passkey.mds-root-certificate"));
        assertTrue(refusal(Map.of("passkey.mds-root-certificate", blob().toString())).contains("neither"));
    }
}
