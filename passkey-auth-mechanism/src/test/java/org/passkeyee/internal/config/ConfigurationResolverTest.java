package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.testsupport.LogCapture;

class ConfigurationResolverTest {

    @PasskeyAuthenticationMechanismDefinition(rpId = "example.com", origins = {"https://example.com", " https://login.example.com "})
    static class Defaults {
    }

    @PasskeyAuthenticationMechanismDefinition(rpId = "example.com", origins = "https://evil.test")
    static class ForeignOrigin {
    }

    private static PasskeyAuthenticationMechanismDefinition definitionOf(Class<?> type) {
        return type.getAnnotation(PasskeyAuthenticationMechanismDefinition.class);
    }

    private static PasskeyConfiguration resolve(Class<?> type, Map<String, String> properties) {
        return new ConfigurationResolver(name -> Optional.ofNullable(properties.get(name))).resolve(definitionOf(type));
    }

    @Test
    void resolveWhenNoOverridesThenAnnotationValuesAndDefaults() {
        PasskeyConfiguration configuration = resolve(Defaults.class, Map.of());

        assertEquals("example.com", configuration.rpId());
        assertEquals("example.com", configuration.rpName(), "the RP name defaults to the RP ID");
        assertEquals(List.of("https://example.com", "https://login.example.com"), configuration.origins());
        assertEquals(UserVerificationPolicy.PREFERRED, configuration.userVerification());
        assertEquals(Duration.ofMinutes(5), configuration.ceremonyTimeout());
        assertEquals("/passkey", configuration.endpointPrefix());
        assertFalse(configuration.signUpAllowed());
        assertEquals(Duration.ofMinutes(5), configuration.reauthenticationWindow());
        assertEquals(65536, configuration.maxRequestBytes());
        assertTrue(configuration.groupsFromValidatingStores());
    }

    @Test
    void resolveWhenPropertiesSetThenTheyWinOverTheAnnotation() {
        PasskeyConfiguration configuration = resolve(Defaults.class, Map.of(
                "passkey.rp-id", "login.example.com",
                "passkey.origins", "https://login.example.com, android:apk-key-hash:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
                "passkey.user-verification", "required",
                "passkey.ceremony-timeout", "2",
                "passkey.endpoint-prefix", "/auth/passkeys/",
                "passkey.sign-up-allowed", "TRUE",
                "passkey.reauthentication-window", "30",
                "passkey.groups-from-validating-stores", "false"));

        assertEquals("login.example.com", configuration.rpId());
        assertEquals(List.of("https://login.example.com", "android:apk-key-hash:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"), configuration.origins());
        assertEquals(UserVerificationPolicy.REQUIRED, configuration.userVerification());
        assertEquals(Duration.ofSeconds(2), configuration.ceremonyTimeout());
        assertEquals("/auth/passkeys", configuration.endpointPrefix());
        assertTrue(configuration.signUpAllowed());
        assertEquals(Duration.ofSeconds(30), configuration.reauthenticationWindow());
        assertFalse(configuration.groupsFromValidatingStores());
    }

    @Test
    @SuppressWarnings("deprecation")
    void resolveWhenTheRetiredMaxAnonymousCeremoniesIsSetThenIgnoredWithOneWarningNamingIt() {
        List<String> warned = LogCapture.messagesDuring(ConfigurationResolver.class.getName(), Level.WARNING,
                () -> assertEquals(50_000, resolve(Defaults.class, Map.of("passkey.max-anonymous-ceremonies", "not even a number"))
                        .maxAnonymousCeremonies()));
        List<String> unset = LogCapture.messagesDuring(ConfigurationResolver.class.getName(), Level.WARNING,
                () -> resolve(Defaults.class, Map.of()));

        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).contains("passkey.max-anonymous-ceremonies"), warned.get(0));
        assertEquals(List.of(), unset);
    }

    @Test
    void resolveWhenRpIdIsNotASuffixOfAnOriginThenRefusedAtStartup() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> resolve(ForeignOrigin.class, Map.of()));
        assertTrue(refusal.getMessage().contains("evil.test"));
    }

    @Test
    void resolveWhenRpIdOnlyLooksLikeASuffixThenRefused() {
        assertThrows(IllegalStateException.class,
                () -> resolve(Defaults.class, Map.of("passkey.origins", "https://notexample.com")));
    }

    @Test
    void resolveWhenValuesAreNonsenseThenEachIsNamedInTheRefusal() {
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.ceremony-timeout", "soon")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.ceremony-timeout", "0")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.user-verification", "maybe")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.sign-up-allowed", "yes")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.endpoint-prefix", "passkey")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.origins", "https://example.com/path")));
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.origins", " , ")));
    }

    @Test
    void resolveWhenHintsSetThenKeptInOrderAndAnUnknownOrRepeatedOneIsRefusedNamingIt() {
        assertEquals(List.of(), resolve(Defaults.class, Map.of()).hints());
        assertEquals(List.of("hybrid", "security-key"),
                resolve(Defaults.class, Map.of("passkey.hints", "Hybrid, security-key")).hints());

        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> resolve(Defaults.class, Map.of("passkey.hints", "usb")));
        assertTrue(unknown.getMessage().contains("'usb'"), unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.hints", "hybrid,hybrid")));
    }

    @Test
    void resolveWhenRelatedOriginsSetThenCeremoniesAcceptThemAndAnOriginOfAnotherHostMayBeOneOfThem() {
        PasskeyConfiguration withRelated = resolve(Defaults.class, Map.of("passkey.related-origins", "https://other.example"));
        assertEquals(List.of("https://example.com", "https://login.example.com", "https://other.example"),
                withRelated.ceremonyOrigins());

        PasskeyConfiguration otherSite = resolve(Defaults.class, Map.of("passkey.origins", "https://other.example",
                "passkey.related-origins", "https://other.example"));
        assertEquals(List.of("https://other.example"), otherSite.origins());
        assertThrows(IllegalStateException.class, () -> resolve(Defaults.class, Map.of("passkey.origins", "https://other.example")),
                "another host without being a related origin");
        assertThrows(IllegalStateException.class,
                () -> resolve(Defaults.class, Map.of("passkey.related-origins", "https://other.example/path")));
    }

    @Test
    void resolveWhenAnAndroidAppOriginIsWellFormedThenAcceptedElseRefused() {
        String app = "android:apk-key-hash:" + "A".repeat(42) + "Q";
        assertEquals(List.of(app), resolve(Defaults.class, Map.of("passkey.origins", "https://example.com," + app))
                .origins().subList(1, 2));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> resolve(Defaults.class, Map.of("passkey.origins", "https://example.com,android:apk-key-hash:short")));
        assertTrue(refused.getMessage().contains("43 characters"), refused.getMessage());
    }
}
