package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decoy descriptors for names without passkeys. */
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
    void forUsernameThenOneToThreeDescriptorsShapedLikeRealPasskeysAndVaryingByName() {
        Set<Integer> counts = new HashSet<>();
        Set<Integer> idLengths = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<PublicKeyCredentialDescriptor> decoy = decoys.forUsername("user-" + i);
            counts.add(decoy.size());
            for (PublicKeyCredentialDescriptor descriptor : decoy) {
                idLengths.add(descriptor.getId().size());
                assertFalse(descriptor.getTransports().orElseThrow().isEmpty());
            }
        }
        assertEquals(Set.of(1, 2, 3), counts);
        assertEquals(Set.of(16, 20, 32, 64), idLengths);
    }

    @Test
    void userHandleForThenSixtyFourBytesFixedPerName() {
        assertEquals(64, decoys.userHandleFor("mallory").size());
        assertEquals(decoys.userHandleFor("mallory"), decoys.userHandleFor("mallory"));
        assertNotEquals(decoys.userHandleFor("mallory"), decoys.userHandleFor("trent"));
    }
}
