package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.exception.AssertionFailedException;
import java.util.Optional;
import java.util.Set;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/**
 * What Yubico may look up while it verifies a sign-in: the passkey the sign-in names and its
 * owner, both already read by the ceremony and bound to the verifying thread for the length of
 * {@link #during}. So the verification reads nothing from the store, and one relying party serves
 * every sign-in (building one costs a dozen JCA provider lookups). Answers about anyone or
 * anything else, and outside a verification, are "unknown".
 */
final class SignInCredentials implements CredentialRepository {

    private final ThreadLocal<Read> verifying = new ThreadLocal<>();

    /** A verification that Yubico may refuse. */
    @FunctionalInterface
    interface Verification<T> {
        T run() throws AssertionFailedException;
    }

    /** Runs {@code verification} with {@code owner} and {@code passkey} as the only credentials known. */
    <T> T during(PasskeyUser owner, StoredPasskey passkey, Verification<T> verification) throws AssertionFailedException {
        verifying.set(new Read(owner, passkey));
        try {
            return verification.run();
        } finally {
            verifying.remove();
        }
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        Read read = verifying.get();
        return read != null && read.isOwnedBy(username) ? Set.of(StoreCredentialRepository.descriptor(read.passkey())) : Set.of();
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        Read read = verifying.get();
        return read != null && read.isOwnedBy(username) ? Optional.of(read.owner().userHandle()) : Optional.empty();
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        Read read = verifying.get();
        return read != null && read.owner().userHandle().equals(userHandle)
                ? Optional.of(read.owner().username()) : Optional.empty();
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        Read read = verifying.get();
        return read != null && read.passkey().credentialId().equals(credentialId) && read.passkey().userHandle().equals(userHandle)
                ? Optional.of(registered(read.passkey())) : Optional.empty();
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        Read read = verifying.get();
        return read != null && read.passkey().credentialId().equals(credentialId)
                ? Set.of(registered(read.passkey())) : Set.of();
    }

    /**
     * The passkey as Yubico verifies it: without its backup eligibility, which Yubico would compare
     * before the signature (so a flag flipped in an unsigned response would be refused for a real
     * passkey before it is for a decoy); the ceremony compares it after the signature verified.
     */
    private static RegisteredCredential registered(StoredPasskey passkey) {
        return StoreCredentialRepository.withoutBackupEligibility(passkey).build();
    }

    private record Read(PasskeyUser owner, StoredPasskey passkey) {

        boolean isOwnedBy(String username) {
            return owner.username().equals(username);
        }
    }
}
