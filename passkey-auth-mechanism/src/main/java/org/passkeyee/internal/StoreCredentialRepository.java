package org.passkeyee.internal;

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
 * Lets Yubico's relying party read our {@link PasskeyCredentialStore}.
 *
 * <p>A sign-in reads its passkey before Yubico verifies it; {@link #answeringWith} lets Yubico's
 * own lookup of that passkey, on the same thread, use that read instead of a second one.
 */
final class StoreCredentialRepository implements CredentialRepository {

    private static final ThreadLocal<StoredPasskey> JUST_READ = new ThreadLocal<>();

    private final PasskeyCredentialStore store;

    StoreCredentialRepository(PasskeyCredentialStore store) {
        this.store = store;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return store.findUserByUsername(username)
                .map(user -> store.findPasskeys(user.userHandle()).stream()
                        .map(StoreCredentialRepository::descriptor)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return store.findUserByUsername(username).map(PasskeyUser::userHandle);
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return store.findUserByUserHandle(userHandle).map(PasskeyUser::username);
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return findPasskey(credentialId)
                .filter(passkey -> passkey.userHandle().equals(userHandle))
                .map(StoreCredentialRepository::registered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return findPasskey(credentialId).map(StoreCredentialRepository::registered).map(Set::of).orElse(Set.of());
    }

    /**
     * Until the returned scope closes, lookups of {@code passkey}'s ID on this thread answer
     * {@code passkey}, just read from the store, without reading it again.
     */
    static Scope answeringWith(StoredPasskey passkey) {
        JUST_READ.set(passkey);
        return JUST_READ::remove;
    }

    /** A stretch of one thread's work during which a passkey just read is reused. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private Optional<StoredPasskey> findPasskey(ByteArray credentialId) {
        StoredPasskey justRead = JUST_READ.get();
        return justRead != null && justRead.credentialId().equals(credentialId)
                ? Optional.of(justRead)
                : store.findPasskey(credentialId);
    }

    static PublicKeyCredentialDescriptor descriptor(StoredPasskey passkey) {
        return PublicKeyCredentialDescriptor.builder()
                .id(passkey.credentialId())
                .transports(passkey.transports().stream().map(AuthenticatorTransport::of).collect(Collectors.toSet()))
                .build();
    }

    private static RegisteredCredential registered(StoredPasskey passkey) {
        return RegisteredCredential.builder()
                .credentialId(passkey.credentialId())
                .userHandle(passkey.userHandle())
                .publicKeyCose(passkey.publicKeyCose())
                .signatureCount(passkey.signatureCount())
                .backupEligible(passkey.backupEligible())
                .backupState(passkey.backedUp())
                .build();
    }
}
