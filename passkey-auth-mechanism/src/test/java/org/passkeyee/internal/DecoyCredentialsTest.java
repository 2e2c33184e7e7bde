package org.passkeyee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecoyCredentialsTest {

    private final DecoyCredentials decoys = new DecoyCredentials("secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void forUsernameWhenAskedTwiceThenTheSameAnswer() {
        assertEquals(decoys.forUsername("mallory"), decoys.forUsername("mallory"));
    }

    @Test
    void forUsernameWhenOtherNameOrOtherSecretThenOtherIds() {
        assertNotEquals(decoys.forUsername("mallory").get(0).getId(), decoys.forUsername("trent").get(0).getId());
        DecoyCredentials otherServer = new DecoyCredentials("other".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(decoys.forUsername("mallory").get(0).getId(), otherServer.forUsername("mallory").get(0).getId());
    }

    @Test
    void forUsernameThenShapedLikeARealCredential() {
        var decoy = decoys.forUsername("mallory").get(0);
        assertEquals(32, decoy.getId().size());
        assertEquals(2, decoy.getTransports().orElseThrow().size());
    }
}
