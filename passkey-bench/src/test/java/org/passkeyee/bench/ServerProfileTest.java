package org.passkeyee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProfileTest {

    @Test
    void aSampleCountsForTheInnermostFrameOfAKnownComponent() {
        assertEquals("passkey module (ours)", ServerProfile.componentOf(List.of(
                "java.util.HashMap.getNode(Object) line: 570",
                "org.passkeyee.internal.ceremony.AuthenticationCeremony.finish(PendingCeremony, JsonNode) line: 99",
                "io.undertow.server.Connectors.executeRootHandler(HttpHandler, HttpServerExchange) line: 395")));
        assertEquals("ES256 and other cryptography", ServerProfile.componentOf(List.of(
                "sun.security.util.math.intpoly.IntegerPolynomial$MutableElement.setProduct(IntegerModuloP) line: 1",
                "com.yubico.webauthn.Crypto.verify() line: 1")));
        assertEquals("HTTP sessions", ServerProfile.componentOf(List.of(
                "org.apache.catalina.session.StandardSession.isValid() line: 1",
                "org.apache.catalina.core.StandardContext.backgroundProcess() line: 1")));
        assertEquals("other (JDK only)", ServerProfile.componentOf(List.of("java.lang.Thread.run() line: 1")));
    }

    @Test
    void aRecordingOfSignatureChecksThenMostSamplesInCryptography(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("verify.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.start();
            verifyFor(1_500);
            recording.stop();
            recording.dump(file);
        }

        Map<String, Double> shares = ServerProfile.of(Path.of(System.getProperty("java.home")), file);

        assertTrue(shares.get("samples") > 10, "samples: " + shares);
        assertTrue(shares.getOrDefault("ES256 and other cryptography", 0.0) > 0.5, "shares: " + shares);
        double total = shares.entrySet().stream().filter(e -> !e.getKey().equals("samples"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertEquals(1.0, total, 1e-9);
    }

    private static void verifyFor(long millis) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "client data".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertTrue(verifier.verify(signature));
        }
    }
}
