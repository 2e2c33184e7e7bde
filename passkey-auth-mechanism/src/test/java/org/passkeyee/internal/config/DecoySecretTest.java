package org.passkeyee.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decoy key as the admin sets it. */
class DecoySecretTest {

    @Test
    void ofWhenShorterThan32BytesOrOneRepeatedCharacterThenTheDeploymentFailsSayingSo() {
        for (String weak : new String[] {"secret", "x".repeat(31), "a".repeat(64), "  " + "y".repeat(30) + "  "}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DecoySecret.of(Optional.of(weak)), weak);
            assertTrue(refused.getMessage().contains("at least 32 bytes"), refused.getMessage());
        }
    }

    @Test
    void ofWhenStrongThenItsBytesAndConfigured() {
        String strong = "q8JmV3v5Zr1xK0bT7nLw2sYpE4aHcGdU";
        DecoySecret secret = DecoySecret.of(Optional.of(strong));

        assertArrayEquals(strong.getBytes(StandardCharsets.UTF_8), secret.bytes());
        assertTrue(secret.configured());
        assertFalse(secret.toString().contains(strong), "never printed");
    }

    @Test
    void ofWhenUnsetThenRandomForThisRunAndNotConfigured() {
        DecoySecret secret = DecoySecret.of(Optional.empty());

        assertEquals(32, secret.bytes().length);
        assertFalse(secret.configured());
    }
}
