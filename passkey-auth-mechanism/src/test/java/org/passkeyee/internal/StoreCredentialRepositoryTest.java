package org.passkeyee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.StoredPasskey;

class StoreCredentialRepositoryTest {

    private final PasskeyCredentialStore store = mock(PasskeyCredentialStore.class);
    private final StoreCredentialRepository repository = new StoreCredentialRepository(store);
    private final StoredPasskey laptop = passkey(1, 7);
    private final StoredPasskey phone = passkey(2, 7);

    @Test
    void lookupOfThePasskeyJustReadThenAnsweredWithoutReadingAgain() {
        try (StoreCredentialRepository.Scope reuse = StoreCredentialRepository.answeringWith(laptop)) {
            assertEquals(laptop.credentialId(), repository.lookup(laptop.credentialId(), laptop.userHandle()).orElseThrow().getCredentialId());
        }

        verify(store, never()).findPasskey(laptop.credentialId());
    }

    @Test
    void lookupOfAnotherPasskeyOrAfterTheScopeThenReadFromTheStore() {
        when(store.findPasskey(phone.credentialId())).thenReturn(Optional.of(phone));
        when(store.findPasskey(laptop.credentialId())).thenReturn(Optional.empty());

        try (StoreCredentialRepository.Scope reuse = StoreCredentialRepository.answeringWith(laptop)) {
            assertTrue(repository.lookup(phone.credentialId(), phone.userHandle()).isPresent());
        }
        assertEquals(Set.of(), repository.lookupAll(laptop.credentialId()));

        verify(store, times(1)).findPasskey(phone.credentialId());
        verify(store, times(1)).findPasskey(laptop.credentialId());
    }

    @Test
    void lookupWithAnotherUserHandleThenNothingEvenForThePasskeyJustRead() {
        try (StoreCredentialRepository.Scope reuse = StoreCredentialRepository.answeringWith(laptop)) {
            assertTrue(repository.lookup(laptop.credentialId(), new ByteArray(new byte[]{9})).isEmpty());
        }
    }

    private static StoredPasskey passkey(int id, int user) {
        return new StoredPasskey(new ByteArray(new byte[]{(byte) id}), new ByteArray(new byte[]{(byte) user}),
                new ByteArray(new byte[]{1, 2, 3}), 0, Set.of(), null, true, true, true, "none", "key " + id,
                Instant.parse("2026-11-22T08:00:00Z"), null);
    }
}
