package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/**
 * Lets Yubico's relying party read our {@link PasskeyCredentialStore}: at registration, where
 * Yubico makes sure the new credential ID is not registered yet. (A sign-in gives Yubico what it
 * already read instead: {@link SignInCredentials}.)
 */
final class StoreCredentialRepository implements CredentialRepository {

    private final PasskeyCredentialStore store;

    StoreCredentialRepository(PasskeyCredentialStore store) {
        this.store = store;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return ExactNames.account(store, username)
                .map(user -> store.findPasskeys(user.userHandle()).stream()
                        .map(StoreCredentialRepository::descriptor)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return ExactNames.account(store, username).map(PasskeyUser::userHandle);
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return store.findUserByUserHandle(userHandle).map(PasskeyUser::username);
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return store.findPasskey(credentialId)
                .filter(passkey -> passkey.userHandle().equals(userHandle))
                .map(StoreCredentialRepository::registered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return store.findPasskey(credentialId).map(StoreCredentialRepository::registered).map(Set::of).orElse(Set.of());
    }

    static PublicKeyCredentialDescriptor descriptor(StoredPasskey passkey) {
        return PublicKeyCredentialDescriptor.builder()
                .id(passkey.credentialId())
                .transports(passkey.transports().stream().map(AuthenticatorTransport::of).collect(Collectors.toSet()))
                .build();
    }

    private static RegisteredCredential registered(StoredPasskey passkey) {
        return withoutBackupEligibility(passkey).backupEligible(passkey.backupEligible()).build();
    }

    /** The passkey as Yubico reads it, but for its backup eligibility. */
    static RegisteredCredential.RegisteredCredentialBuilder withoutBackupEligibility(StoredPasskey passkey) {
        return RegisteredCredential.builder()
                .credentialId(passkey.credentialId())
                .userHandle(passkey.userHandle())
                .publicKeyCose(passkey.publicKeyCose())
                .signatureCount(passkey.signatureCount())
                .backupState(passkey.backedUp());
    }
}
