package org.passkeyee.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyStoreException;

class CodecTest {

    @Test
    void credentialKeyIsUnpaddedBase64UrlOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
                Codec.credentialKey(new ByteArray("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertEquals(43, Codec.credentialKey(new ByteArray(new byte[1023])).length());
    }

    @Test
    void base64UrlHasNoPaddingAndRoundTrips() {
        ByteArray value = new ByteArray(new byte[] {(byte) 0xfb, (byte) 0xff});
        assertEquals("-_8", Codec.base64Url(value));
        assertEquals(value, Codec.fromBase64Url("X", "-_8"));
        assertEquals(86, Codec.base64Url(new ByteArray(new byte[64])).length());
        assertThrows(PasskeyStoreException.class, () -> Codec.fromBase64Url("X", "not base64!"));
    }

    @Test
    void instantsAreUtcWallTimeWithMicroseconds() {
        Instant instant = Instant.parse("2026-07-01T23:59:59.123456789Z");
        assertEquals(java.time.LocalDateTime.parse("2026-07-01T23:59:59.123456"), Codec.toColumn(instant));
        assertEquals(Instant.parse("2026-07-01T23:59:59.123456Z"), Codec.fromColumn(Codec.toColumn(instant)));
        assertNull(Codec.toColumn(null));
        assertNull(Codec.fromColumn(null));
    }

    @Test
    void transportsAreSortedCommaSeparatedAndBounded() {
        assertEquals("ble,hybrid,internal,nfc,usb", Codec.transportsToColumn(Set.of("usb", "nfc", "internal", "hybrid", "ble")));
        assertNull(Codec.transportsToColumn(Set.of()));
        assertEquals("usb", Codec.transportsToColumn(Set.of("usb", "a,b", " ")));
        assertEquals(Set.of("usb", "nfc"), Codec.transportsFromColumn("nfc,usb"));
        assertEquals(Set.of(), Codec.transportsFromColumn(null));

        Set<String> many = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            many.add(String.format("transport-%03d", i));
        }
        String column = Codec.transportsToColumn(many);
        assertTrue(column.length() <= 255, column);
        assertTrue(column.startsWith("transport-000,transport-001,"), column);
    }
}
