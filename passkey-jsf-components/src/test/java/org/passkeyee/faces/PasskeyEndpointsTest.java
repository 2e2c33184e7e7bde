package org.passkeyee.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.UserVerificationPolicy;

class PasskeyEndpointsTest {

    @Test
    void endpointAndLoginPageIncludeTheContextPathAndAChangedPrefix() {
        PasskeyEndpoints endpoints = PasskeyEndpoints.of("/shop", configuration("/auth/passkeys", Duration.ofMinutes(5)));
        assertEquals("/shop/auth/passkeys", endpoints.endpoint());
        assertEquals("/shop/signin.xhtml", endpoints.loginPage());
    }

    @Test
    void autofillIsRenewedAMinuteBeforeAFiveMinuteCeremonyExpires() {
        assertEquals(240_000L, PasskeyEndpoints.of("", configuration("/passkey", Duration.ofMinutes(5))).refreshMillis());
    }

    @Test
    void autofillIsRenewedAFifthBeforeAShortCeremonyExpires() {
        assertEquals(48_000L, PasskeyEndpoints.of("", configuration("/passkey", Duration.ofMinutes(1))).refreshMillis());
    }

    private static PasskeyConfiguration configuration(String prefix, Duration ceremonyTimeout) {
        return new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, ceremonyTimeout, prefix, false, "/signin.xhtml", "/",
                Duration.ofMinutes(5), 65536, 50_000, true, List.of(), 5, Duration.ofMinutes(5), "");
    }
}
