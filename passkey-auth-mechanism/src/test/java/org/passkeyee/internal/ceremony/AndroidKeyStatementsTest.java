package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Android key description an {@code android-key} attestation certificate carries (WebAuthn
 * §8.4): made for this challenge, for this RP only, generated in the keystore, for signing.
 */
class AndroidKeyStatementsTest {

    private static final byte[] CHALLENGE = new byte[32];
    private static final int PURPOSE = 1;
    private static final int ALL_APPLICATIONS = 600;
    private static final int ORIGIN = 702;

    static {
        Arrays.fill(CHALLENGE, (byte) 7);
    }

    @Test
    void describesThisKeyWhenGeneratedForSigningForThisChallengeThenTrue() {
        assertTrue(AndroidKeyStatements.describesThisKey(extension(CHALLENGE, list(), list(purpose(2), origin(0))), CHALLENGE));
        assertTrue(AndroidKeyStatements.describesThisKey(extension(CHALLENGE, list(purpose(3, 2), origin(0)), list()), CHALLENGE),
                "in the software-enforced list, among other purposes");
    }

    @Test
    void describesThisKeyWhenAnythingIsOffThenFalse() {
        byte[] other = CHALLENGE.clone();
        other[0] = 8;
        assertFalse(AndroidKeyStatements.describesThisKey(extension(other, list(), list(purpose(2), origin(0))), CHALLENGE),
                "another challenge");
        assertFalse(AndroidKeyStatements.describesThisKey(
                extension(CHALLENGE, list(tagged(ALL_APPLICATIONS, new byte[] {0x05, 0x00})), list(purpose(2), origin(0))), CHALLENGE),
                "usable by every application");
        assertFalse(AndroidKeyStatements.describesThisKey(extension(CHALLENGE, list(), list(purpose(2), origin(2))), CHALLENGE),
                "imported, not generated");
        assertFalse(AndroidKeyStatements.describesThisKey(extension(CHALLENGE, list(), list(purpose(0, 1), origin(0))), CHALLENGE),
                "for encryption only");
        assertFalse(AndroidKeyStatements.describesThisKey(extension(CHALLENGE, list(), list()), CHALLENGE), "says nothing");
        assertFalse(AndroidKeyStatements.describesThisKey(null, CHALLENGE), "no description");
        assertFalse(AndroidKeyStatements.describesThisKey(new byte[] {0x04, 0x05, 0x30, 0x03}, CHALLENGE), "truncated");
    }

    @Test
    void elementsWhenTagsNeedSeveralBytesThenRead() {
        Der.Element origin = Der.element(origin(0));

        assertEquals(Der.CONTEXT, origin.tagClass());
        assertEquals(ORIGIN, origin.tagNumber());
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}), "indefinite length");
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {(byte) 0xbf, (byte) 0x85}), "tag cut short");
    }

    /** The extension value as the certificate gives it: an OCTET STRING around the key description. */
    private static byte[] extension(byte[] challenge, byte[] softwareEnforced, byte[] hardwareEnforced) {
        byte[] description = tlv(0x30, concat(tlv(0x02, new byte[] {3}), tlv(0x0a, new byte[] {1}), tlv(0x02, new byte[] {4}),
                tlv(0x0a, new byte[] {1}), tlv(0x04, challenge), tlv(0x04, new byte[0]), softwareEnforced, hardwareEnforced));
        return tlv(0x04, description);
    }

    private static byte[] list(byte[]... entries) {
        return tlv(0x30, concat(entries));
    }

    private static byte[] purpose(int... purposes) {
        byte[][] integers = new byte[purposes.length][];
        for (int i = 0; i < purposes.length; i++) {
            integers[i] = tlv(0x02, new byte[] {(byte) purposes[i]});
        }
        return tagged(PURPOSE, tlv(0x31, concat(integers)));
    }

    private static byte[] origin(int origin) {
        return tagged(ORIGIN, tlv(0x02, new byte[] {(byte) origin}));
    }

    /** A context-specific, constructed, explicitly tagged element. */
    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tag < 31) {
            out.write(0xa0 | tag);
        } else {
            out.write(0xbf);
            if (tag >= 128) {
                out.write(0x80 | (tag >> 7));
            }
            out.write(tag & 0x7f);
        }
        out.writeBytes(length(content.length));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] content) {
        return concat(new byte[] {(byte) tag}, length(content.length), content);
    }

    private static byte[] length(int length) {
        return length < 128 ? new byte[] {(byte) length} : new byte[] {(byte) 0x81, (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
