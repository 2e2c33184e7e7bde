package org.passkeyee.persistence;

import static org.passkeyee.persistence.StoreFailures.inStore;

import com.yubico.webauthn.data.ByteArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.persistence.schema.Codec;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;

/**
 * The store's reads by JPA: users by username or user handle, passkeys by credential ID or user,
 * of one store scope only. Rows are found by key and then compared exactly, also where the
 * database's collation ignores case (MariaDB's default), and left detached.
 */
class PasskeyReads {

    private final EntityManager em;
    private final String scope;

    PasskeyReads(EntityManager em, String scope) {
        this.em = em;
        this.scope = scope;
    }

    Optional<PasskeyUser> findUserByUsername(String username) {
        return inStore("find a passkey user", () -> {
            List<PasskeyUserEntity> found = em.createNamedQuery(PasskeyUserEntity.BY_USERNAME, PasskeyUserEntity.class)
                    .setParameter("scope", scope)
                    .setParameter("username", username)
                    .getResultList();
            found.forEach(em::detach);
            return found.stream().filter(u -> u.username().equals(username) && scope.equals(u.storeScope()))
                    .findFirst().map(Codec::toUser);
        });
    }

    List<PasskeyUser> findUsersWithoutVouchingStore(int limit) {
        return inStore("find passkey users without a vouching store", () -> {
            List<PasskeyUserEntity> found = em.createNamedQuery(PasskeyUserEntity.WITHOUT_VOUCHING_STORE, PasskeyUserEntity.class)
                    .setParameter("scope", scope)
                    .setMaxResults(limit)
                    .getResultList();
            found.forEach(em::detach);
            return found.stream().filter(u -> scope.equals(u.storeScope())).map(Codec::toUser).filter(u -> u.vouchedBy() == null).toList();
        });
    }

    Optional<PasskeyUser> findUserByUserHandle(ByteArray userHandle) {
        String handle = Codec.base64Url(userHandle);
        return inStore("find a passkey user", () -> userOf(handle, LockModeType.NONE).map(Codec::toUser));
    }

    /** The passkey, if its owner belongs to this scope. */
    Optional<StoredPasskey> findPasskey(ByteArray credentialId) {
        return inStore("find a passkey", () -> {
            PasskeyCredentialEntity found = em.find(PasskeyCredentialEntity.class, Codec.credentialKey(credentialId));
            if (found == null) {
                return Optional.empty();
            }
            em.detach(found);
            return found.credentialId().equals(Codec.base64Url(credentialId))
                    && userOf(found.userHandle(), LockModeType.NONE).isPresent()
                    ? Optional.of(Codec.toPasskey(found)) : Optional.empty();
        });
    }

    /** The detached row of the user with this handle, if it belongs to this scope, locked as asked. */
    Optional<PasskeyUserEntity> userOf(String handle, LockModeType lock) {
        PasskeyUserEntity found = em.find(PasskeyUserEntity.class, handle, lock);
        if (found == null) {
            return Optional.empty();
        }
        em.detach(found);
        return found.userHandle().equals(handle) && scope.equals(found.storeScope()) ? Optional.of(found) : Optional.empty();
    }

    /** Passkeys registered in the same instant come in a fixed but arbitrary order. */
    List<StoredPasskey> findPasskeys(ByteArray userHandle) {
        String handle = Codec.base64Url(userHandle);
        return inStore("list passkeys", () -> userOf(handle, LockModeType.NONE).isEmpty() ? List.<StoredPasskey>of()
                : passkeysOf(handle, LockModeType.NONE).stream().map(Codec::toPasskey).toList());
    }

    /** The detached passkey rows of a user, oldest first, locked as asked. */
    List<PasskeyCredentialEntity> passkeysOf(String handle, LockModeType lock) {
        List<PasskeyCredentialEntity> found = em.createNamedQuery(PasskeyCredentialEntity.BY_USER, PasskeyCredentialEntity.class)
                .setParameter("userHandle", handle)
                .setLockMode(lock)
                .getResultList();
        found.forEach(em::detach);
        return found;
    }
}
