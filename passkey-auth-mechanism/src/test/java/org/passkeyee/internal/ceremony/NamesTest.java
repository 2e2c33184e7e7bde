package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/** The names people type, as the module accepts them. */
class NamesTest {

    @Test
    void displayNameWhenDefaultIgnorableThenRefused() {
        for (String name : new String[] {"Ad\u034Fmin", "Admin\uFE0F", "Ad\u3164min", "Ad\u00ADmin"}) {
            assertEquals(PasskeyErrorCode.MALFORMED_REQUEST,
                    assertThrows(Refusal.class, () -> Names.displayName(name), name).code(), name);
        }
        assertEquals("Jane Doe", Names.displayName(" Jane Doe "));
    }

    @Test
    void labelWhenBidiOverrideThenInvalidOtherwiseTrimmed() {
        assertEquals("Phone", Names.label(" Phone "));
        assertEquals(PasskeyErrorCode.INVALID_LABEL,
                assertThrows(Refusal.class, () -> Names.label("Phone\u202Eenohp")).code());
    }
}
