package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClusterReadinessTest {

    @Test
    void distributableWithoutDecoySecretThenRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClusterReadiness.check(true, false, "/shop"));

        assertTrue(refused.getMessage().contains("passkey.decoy-secret"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/shop"), refused.getMessage());
    }

    @Test
    void distributableWithoutCeremonyKeyThenRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClusterReadiness.checkCeremonyKey(true, false, "/shop"));

        assertTrue(refused.getMessage().contains("passkey.ceremony-key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/shop"), refused.getMessage());
        assertDoesNotThrow(() -> ClusterReadiness.checkCeremonyKey(true, true, "/"));
        assertDoesNotThrow(() -> ClusterReadiness.checkCeremonyKey(false, false, "/"));
    }

    @Test
    void distributableWithDecoySecretOrNotDistributableThenStarts() {
        assertDoesNotThrow(() -> ClusterReadiness.check(true, true, "/"));
        assertDoesNotThrow(() -> ClusterReadiness.check(false, false, "/"));
    }

    @Test
    void webXmlWithDistributableUnderTheRootThenDistributable() throws IOException {
        assertTrue(declares("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <display-name>shop</display-name>
                    <distributable/>
                </web-app>"""));
        assertTrue(declares("<web-app><distributable></distributable></web-app>"));
    }

    @Test
    void webXmlWithoutDistributableOrMalformedThenNotDistributable() throws IOException {
        assertFalse(declares("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"><session-config/></web-app>"));
        assertFalse(declares("<web-app><description>distributable</description><servlet><distributable/></servlet></web-app>"));
        assertFalse(declares("<web-app><distributable/>"));
    }

    @Test
    void webXmlWithExternalEntityThenNothingFetched() throws IOException {
        assertFalse(declares("""
                <?xml version="1.0"?>
                <!DOCTYPE web-app [<!ENTITY x SYSTEM "http://localhost:1/never">]>
                <web-app>&x;</web-app>"""));
    }

    private static boolean declares(String webXml) throws IOException {
        return ClusterReadiness.declaresDistributable(new ByteArrayInputStream(webXml.getBytes(StandardCharsets.UTF_8)));
    }
}
