package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.Cbor;

/**
 * Each attestation statement format's syntax (WebAuthn §8.2 to §8.8): the members it lists, of
 * their CBOR types, nothing else. The shapes only: certificates are read, and signatures verified,
 * afterwards.
 */
class AttestationStatementShapesTest {

    private static final byte[] CERTIFICATE = {0x30, 0x03, 0x02, 0x01, 0x01};
    private static final byte[] SIGNATURE = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01};

    @Test
    void noneWhenEmptyThenFitsWithAnyMemberNot() {
        assertFits("none", statement());
        assertNotFits("none", statement("alg", -7, "sig", SIGNATURE));
        assertNotFits("none", statement("x5c", List.of(CERTIFICATE)));
        assertNotFits("none", statement("", 0));
    }

    @Test
    void packedWhenFullOrSelfAttestationThenFitsOtherwiseNot() {
        assertFits("packed", statement("alg", -7, "sig", SIGNATURE, "x5c", List.of(CERTIFICATE, CERTIFICATE)));
        assertFits("packed", statement("alg", -257, "sig", SIGNATURE));
        assertNotFits("packed", statement("alg", -7, "sig", SIGNATURE, "ecdaaKeyId", new byte[16]));
        assertNotFits("packed", statement("alg", "ES256", "sig", SIGNATURE));
        assertNotFits("packed", statement("alg", -7, "sig", "MEUCIQ"));
        assertNotFits("packed", statement("alg", -7, "sig", SIGNATURE, "x5c", List.of()));
        assertNotFits("packed", statement("alg", -7, "sig", SIGNATURE, "x5c", List.of("MIIB")));
        assertNotFits("packed", statement("alg", -7, "sig", SIGNATURE, "x5c", CERTIFICATE));
        assertNotFits("packed", statement("alg", -7));
        assertNotFits("packed", statement("sig", SIGNATURE));
    }

    @Test
    void tpmWhenVersion2WithEveryMemberThenFitsOtherwiseNot() {
        Map<Object, Object> tpm = statement("ver", "2.0", "alg", -257, "x5c", List.of(CERTIFICATE), "sig", SIGNATURE,
                "certInfo", new byte[8], "pubArea", new byte[8]);
        assertFits("tpm", tpm);
        assertNotFits("tpm", with(tpm, "ver", "1.2"));
        assertNotFits("tpm", with(tpm, "ver", 2));
        assertNotFits("tpm", with(tpm, "pubArea", null));
        assertNotFits("tpm", with(tpm, "x5c", null));
        assertNotFits("tpm", with(tpm, "certInfo", "text"));
        assertNotFits("tpm", with(tpm, "ecdaaKeyId", new byte[4]));
    }

    @Test
    void androidKeyWhenAlgSigAndChainThenFitsOtherwiseNot() {
        Map<Object, Object> androidKey = statement("alg", -7, "sig", SIGNATURE, "x5c", List.of(CERTIFICATE, CERTIFICATE));
        assertFits("android-key", androidKey);
        assertNotFits("android-key", with(androidKey, "x5c", null));
        assertNotFits("android-key", with(androidKey, "ver", "1"));
    }

    @Test
    void androidSafetyNetWhenVersionAndResponseThenFitsOtherwiseNot() {
        Map<Object, Object> safetyNet = statement("ver", "212621037", "response", new byte[] {'a', '.', 'b', '.', 'c'});
        assertFits("android-safetynet", safetyNet);
        assertNotFits("android-safetynet", with(safetyNet, "ver", 212621037));
        assertNotFits("android-safetynet", with(safetyNet, "response", "a.b.c"));
        assertNotFits("android-safetynet", with(safetyNet, "x5c", List.of(CERTIFICATE)));
    }

    @Test
    void fidoU2fWhenExactlyOneCertificateAndSigThenFitsOtherwiseNot() {
        Map<Object, Object> u2f = statement("x5c", List.of(CERTIFICATE), "sig", SIGNATURE);
        assertFits("fido-u2f", u2f);
        assertNotFits("fido-u2f", with(u2f, "x5c", List.of(CERTIFICATE, CERTIFICATE)));
        assertNotFits("fido-u2f", with(u2f, "x5c", List.of()));
        assertNotFits("fido-u2f", with(u2f, "alg", -7));
        assertNotFits("fido-u2f", with(u2f, "sig", null));
    }

    @Test
    void appleWhenChainAndMaybeAlgThenFitsOtherwiseNot() {
        assertFits("apple", statement("x5c", List.of(CERTIFICATE, CERTIFICATE)));
        assertFits("apple", statement("alg", -7, "x5c", List.of(CERTIFICATE, CERTIFICATE)));
        assertNotFits("apple", statement("alg", "ES256", "x5c", List.of(CERTIFICATE)));
        assertNotFits("apple", statement("x5c", List.of(CERTIFICATE), "sig", SIGNATURE));
        assertNotFits("apple", statement());
    }

    @Test
    void unknownFormatFitsNothing() {
        for (String format : new String[] {"compound", "Packed", "", "unknown"}) {
            assertNotFits(format, statement());
            assertNotFits(format, statement("alg", -7, "sig", SIGNATURE));
        }
    }

    private static void assertFits(String format, Map<Object, Object> statement) {
        assertTrue(AttestationStatementShapes.fits(format, read(statement)), () -> format + " " + statement.keySet());
    }

    private static void assertNotFits(String format, Map<Object, Object> statement) {
        assertFalse(AttestationStatementShapes.fits(format, read(statement)), () -> format + " " + statement.keySet());
    }

    private static JsonNode read(Map<Object, Object> statement) {
        return StrictCbor.read(Cbor.encode(statement)).orElseThrow();
    }

    /** A statement of these members (name, value, name, value, ...). */
    private static Map<Object, Object> statement(Object... members) {
        Map<Object, Object> statement = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            statement.put(members[i], members[i + 1]);
        }
        return statement;
    }

    /** {@code statement} with this member set, or removed when {@code value} is null. */
    private static Map<Object, Object> with(Map<Object, Object> statement, String member, Object value) {
        Map<Object, Object> changed = new LinkedHashMap<>(statement);
        if (value == null) {
            changed.remove(member);
        } else {
            changed.put(member, value);
        }
        return changed;
    }
}
