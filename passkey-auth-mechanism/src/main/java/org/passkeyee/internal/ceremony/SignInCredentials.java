package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.util.Optional;
import java.util.Set;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/**
 * What Yubico may look up while it verifies one sign-in: the passkey the sign-in names and its
 * owner, both already read by the ceremony. So the verification reads nothing from the store,
 * and answers about anyone else are "unknown".
 */
final class SignInCredentials implements CredentialRepository {

    private final PasskeyUser owner;
    private final StoredPasskey passkey;

    SignInCredentials(PasskeyUser owner, StoredPasskey passkey) {
        this.owner = owner;
        this.passkey = passkey;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return owner.username().equals(username) ? Set.of(StoreCredentialRepository.descriptor(passkey)) : Set.of();
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return owner.username().equals(username) ? Optional.of(owner.userHandle()) : Optional.empty();
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return owner.userHandle().equals(userHandle) ? Optional.of(owner.username()) : Optional.empty();
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return passkey.credentialId().equals(credentialId) && passkey.userHandle().equals(userHandle)
                ? Optional.of(StoreCredentialRepository.registered(passkey)) : Optional.empty();
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return passkey.credentialId().equals(credentialId) ? Set.of(StoreCredentialRepository.registered(passkey)) : Set.of();
    }
}
