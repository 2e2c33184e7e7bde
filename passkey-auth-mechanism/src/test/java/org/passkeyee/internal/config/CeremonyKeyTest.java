package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.LogCapture;

class CeremonyKeyTest {

    private static final String STRONG = "q8JmV3v5Zr1xK0bT7nLw2sYpE4aHcGdU";
    private static final String PREVIOUS = "Zk3PqL9wR2tY7uI1oP4aS6dF8gH0jK5l";

    @Test
    void ofWhenShorterThan32BytesOrOneRepeatedCharacterThenTheDeploymentFailsNamingTheSetting() {
        for (String weak : new String[] {"secret", "x".repeat(31), "a".repeat(64), "  " + "y".repeat(30) + "  "}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> CeremonyKey.of(Optional.of(weak), Optional.empty()), weak);
            assertTrue(refused.getMessage().contains("passkey.ceremony-key must"), refused.getMessage());
            IllegalStateException previous = assertThrows(IllegalStateException.class,
                    () -> CeremonyKey.of(Optional.of(STRONG), Optional.of(weak)), weak);
            assertTrue(previous.getMessage().contains("passkey.ceremony-key-previous must"), previous.getMessage());
        }
    }

    @Test
    void ofWhenStrongThenItsBytesConfiguredAndNeverPrinted() {
        CeremonyKey key = CeremonyKey.of(Optional.of(STRONG), Optional.of(PREVIOUS));

        assertArrayEquals(STRONG.getBytes(StandardCharsets.UTF_8), key.current());
        assertArrayEquals(PREVIOUS.getBytes(StandardCharsets.UTF_8), key.previous().orElseThrow());
        assertTrue(key.configured());
        assertFalse(key.toString().contains(STRONG) || key.toString().contains(PREVIOUS), "never printed");
    }

    @Test
    void ofWhenUnsetThenRandomForThisRunNotConfiguredAndOneWarning() {
        CeremonyKey[] key = new CeremonyKey[1];
        List<String> warned = LogCapture.messagesDuring(CeremonyKey.class.getName(), Level.WARNING,
                () -> key[0] = CeremonyKey.of(Optional.empty(), Optional.empty()));

        assertEquals(32, key[0].current().length);
        assertFalse(key[0].configured());
        assertEquals(Optional.empty(), key[0].previous());
        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).contains("passkey.ceremony-key"), warned.get(0));
    }

    @Test
    void ofWhenOnlyThePreviousKeyIsSetThenTheDeploymentFails() {
        assertThrows(IllegalStateException.class, () -> CeremonyKey.of(Optional.empty(), Optional.of(PREVIOUS)));
    }
}
