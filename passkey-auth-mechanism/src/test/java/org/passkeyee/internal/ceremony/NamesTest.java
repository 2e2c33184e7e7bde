package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.Refusal;

/** The names people type, as the module accepts them. */
class NamesTest {

    @Test
    void usernameWhenFullWidthOrComposedDifferentlyThenOneNormalizedSpelling() {
        assertEquals("admin", Names.username("ａｄｍｉｎ"));
        assertEquals("José", Names.username("Jose\u0301"));
        assertEquals("alice", Names.username("  alice "));
    }

    @Test
    void usernameWhenInvisibleOrControlCharactersThenInvalid() {
        for (String name : new String[] {"ad\u200Bmin", "ad\u200Dmin", "admin\u202E", "\u2066admin", "ad\u0000min",
                "ad\nmin", "ad\uE000min", "ad\u2028min", "", "   ", "x".repeat(65)}) {
            Refusal refused = assertThrows(Refusal.class, () -> Names.username(name), name);
            assertEquals(PasskeyErrorCode.INVALID_USERNAME, refused.code(), name);
        }
    }

    @Test
    void labelWhenBidiOverrideThenInvalidOtherwiseTrimmed() {
        assertEquals("Phone", Names.label(" Phone "));
        assertEquals(PasskeyErrorCode.INVALID_LABEL,
                assertThrows(Refusal.class, () -> Names.label("Phone\u202Eenohp")).code());
    }
}
