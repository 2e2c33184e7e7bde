package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

class SignInCredentialsTest {

    private static final ByteArray OWNER_HANDLE = new ByteArray(new byte[]{7});
    private final PasskeyUser owner = new PasskeyUser("alice", "Alice", OWNER_HANDLE, Instant.parse("2026-11-22T08:00:00Z"),
            PasskeyUser.NO_VOUCHING_STORE);
    private final StoredPasskey laptop = passkey(1, OWNER_HANDLE);
    private final SignInCredentials credentials = new SignInCredentials();

    @Test
    void lookupsOfThePasskeyAndItsOwnerThenAnsweredFromWhatWasRead() throws Exception {
        credentials.during(owner, laptop, () -> {
            lookupsOfThePasskeyAndItsOwner();
            return null;
        });
    }

    private void lookupsOfThePasskeyAndItsOwner() {
        assertEquals(laptop.credentialId(),
                credentials.lookup(laptop.credentialId(), OWNER_HANDLE).orElseThrow().getCredentialId());
        assertEquals(1, credentials.lookupAll(laptop.credentialId()).size());
        assertEquals(Optional.of("alice"), credentials.getUsernameForUserHandle(OWNER_HANDLE));
        assertEquals(Optional.of(OWNER_HANDLE), credentials.getUserHandleForUsername("alice"));
        assertEquals(1, credentials.getCredentialIdsForUsername("alice").size());
    }

    @Test
    void lookupsOfAnyoneOrAnythingElseThenUnknown() throws Exception {
        credentials.during(owner, laptop, () -> {
            lookupsOfAnyoneElse();
            return null;
        });
    }

    @Test
    void outsideAVerificationNothingIsKnown() throws Exception {
        credentials.during(owner, laptop, () -> null);

        assertTrue(credentials.lookup(laptop.credentialId(), OWNER_HANDLE).isEmpty());
        assertEquals(Set.of(), credentials.lookupAll(laptop.credentialId()));
        assertTrue(credentials.getUsernameForUserHandle(OWNER_HANDLE).isEmpty());
        assertTrue(credentials.getUserHandleForUsername("alice").isEmpty());
        assertEquals(Set.of(), credentials.getCredentialIdsForUsername("alice"));
    }

    @Test
    void anotherThreadSeesNothingOfAVerificationUnderWay() throws Exception {
        Optional<?> seenElsewhere = credentials.during(owner, laptop, () -> {
            var other = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> credentials.lookup(laptop.credentialId(), OWNER_HANDLE));
            return other.join();
        });

        assertTrue(seenElsewhere.isEmpty());
    }

    private void lookupsOfAnyoneElse() {
        ByteArray otherHandle = new ByteArray(new byte[]{9});
        ByteArray otherId = new ByteArray(new byte[]{2});

        assertTrue(credentials.lookup(laptop.credentialId(), otherHandle).isEmpty());
        assertTrue(credentials.lookup(otherId, OWNER_HANDLE).isEmpty());
        assertEquals(Set.of(), credentials.lookupAll(otherId));
        assertTrue(credentials.getUsernameForUserHandle(otherHandle).isEmpty());
        assertTrue(credentials.getUserHandleForUsername("mallory").isEmpty());
        assertEquals(Set.of(), credentials.getCredentialIdsForUsername("mallory"));
    }

    private static StoredPasskey passkey(int id, ByteArray user) {
        return new StoredPasskey(new ByteArray(new byte[]{(byte) id}), user,
                new ByteArray(new byte[]{1, 2, 3}), 0, Set.of(), null, true, true, true, "none", "key " + id,
                Instant.parse("2026-11-22T08:00:00Z"), null);
    }
}
