package org.passkeyee.persistence;

import static org.passkeyee.persistence.StoreFailures.inStore;

import com.yubico.webauthn.data.ByteArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.passkeyee.PasskeyCredentialStore.DeleteOutcome;
import org.passkeyee.persistence.schema.Codec;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;

/**
 * The account's changes by JPA: renaming and deleting a passkey of a user, deleting a user with
 * all their passkeys. Deletions lock the user's row first, so that they run one after the other
 * for one user.
 */
class PasskeyManagement {

    private final EntityManager em;
    private final PasskeyReads reads;

    PasskeyManagement(EntityManager em, PasskeyReads reads) {
        this.em = em;
        this.reads = reads;
    }

    /**
     * Sets the label of the user's passkey with this credential ID.
     *
     * @throws IllegalArgumentException if the label is over 128 characters
     */
    boolean rename(ByteArray userHandle, ByteArray credentialId, String label) {
        Codec.checkLabel(label);
        String handle = Codec.base64Url(userHandle);
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        return inStore("rename a passkey", () -> reads.userOf(handle, LockModeType.NONE).isPresent()
                && em.createNamedQuery(PasskeyCredentialEntity.RENAME)
                .setParameter("label", label)
                .setParameter("key", key)
                .setParameter("credentialId", id)
                .setParameter("userHandle", handle)
                .executeUpdate() == 1);
    }

    /** Deletes the user row and their passkeys, the user row locked first as {@link #delete} does. */
    boolean deleteUser(ByteArray userHandle) {
        String handle = Codec.base64Url(userHandle);
        return inStore("delete a passkey user", () -> {
            if (reads.userOf(handle, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                return false;
            }
            em.createNamedQuery(PasskeyCredentialEntity.DELETE_USERS).setParameter("userHandle", handle).executeUpdate();
            // The row is locked by this transaction, so nobody else can have removed it.
            return em.createNamedQuery(PasskeyUserEntity.DELETE_HANDLE).setParameter("userHandle", handle).executeUpdate() == 1;
        });
    }

    /**
     * Locks the user's row and then their passkey rows ({@code PESSIMISTIC_WRITE}, i.e.
     * {@code SELECT ... FOR UPDATE}), counts the passkeys, and deletes: concurrent deletions for
     * one user run one after the other, and the second sees the first's result.
     */
    DeleteOutcome delete(ByteArray userHandle, ByteArray credentialId, boolean allowLast) {
        String handle = Codec.base64Url(userHandle);
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        return inStore("delete a passkey", () -> {
            if (reads.userOf(handle, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                return DeleteOutcome.NOT_FOUND;
            }
            List<PasskeyCredentialEntity> passkeys = reads.passkeysOf(handle, LockModeType.PESSIMISTIC_WRITE);
            boolean owned = passkeys.stream()
                    .anyMatch(p -> p.credentialKey().equals(key) && p.credentialId().equals(id));
            if (!owned) {
                return DeleteOutcome.NOT_FOUND;
            }
            if (passkeys.size() == 1 && !allowLast) {
                return DeleteOutcome.LAST_PASSKEY;
            }
            int deleted = em.createNamedQuery(PasskeyCredentialEntity.DELETE_KEY)
                    .setParameter("key", key)
                    .executeUpdate();
            // The row is locked by this transaction, so nobody else can have removed it.
            return deleted == 1 ? DeleteOutcome.DELETED : DeleteOutcome.NOT_FOUND;
        });
    }
}
