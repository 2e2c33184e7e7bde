package org.passkeyee.persistence;

import static org.passkeyee.persistence.StoreFailures.conflictOrFailure;

import jakarta.persistence.EntityManager;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.persistence.schema.Codec;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;

/**
 * The registration's writes by JPA: a new user with their first passkey, or another passkey for
 * a user. Taken keys are looked up first, so the usual conflict returns {@code false} in a
 * transaction that still commits (nothing written). If a concurrent transaction inserts the same
 * key between that check and the flush, the database's constraint violation also returns
 * {@code false}; the provider has then marked the transaction rollback-only, so it rolls back.
 */
class Registrations {

    private final EntityManager em;
    private final String scope;

    Registrations(EntityManager em, String scope) {
        this.em = em;
        this.scope = scope;
    }

    /**
     * Both rows, written and flushed together, or neither.
     *
     * @throws IllegalArgumentException if the passkey belongs to another user handle, or a value
     *                                  does not fit its column
     */
    boolean createUser(PasskeyUser user, StoredPasskey firstPasskey) {
        if (!user.userHandle().equals(firstPasskey.userHandle())) {
            throw new IllegalArgumentException("The first passkey belongs to another user handle");
        }
        PasskeyUserEntity userRow = Codec.toEntity(scope, user);
        PasskeyCredentialEntity passkeyRow = Codec.toEntity(firstPasskey);
        try {
            if (userTaken(userRow) || credentialTaken(passkeyRow)) {
                return false;
            }
            em.persist(userRow);
            em.persist(passkeyRow);
            em.flush();
            em.detach(userRow);
            em.detach(passkeyRow);
            return true;
        } catch (RuntimeException e) {
            return conflictOrFailure("create a passkey user", e);
        }
    }

    /**
     * The passkey's row, if its credential ID is free.
     *
     * @throws IllegalArgumentException if no user has the passkey's user handle, or a value does
     *                                  not fit its column
     */
    boolean addPasskey(StoredPasskey passkey) {
        PasskeyCredentialEntity row = Codec.toEntity(passkey);
        boolean userExists;
        try {
            if (credentialTaken(row)) {
                return false;
            }
            userExists = em.createNamedQuery(PasskeyUserEntity.COUNT_HANDLE, Long.class)
                    .setParameter("userHandle", row.userHandle())
                    .setParameter("scope", scope)
                    .getSingleResult() > 0;
            if (userExists) {
                em.persist(row);
                em.flush();
                em.detach(row);
                return true;
            }
        } catch (RuntimeException e) {
            return conflictOrFailure("add a passkey", e);
        }
        throw new IllegalArgumentException("No passkey user of this store scope has this user handle");
    }

    /** Whether the user's handle or username is in use. Package-private: tests simulate races. */
    boolean userTaken(PasskeyUserEntity user) {
        return em.createNamedQuery(PasskeyUserEntity.COUNT_TAKEN, Long.class)
                .setParameter("userHandle", user.userHandle())
                .setParameter("scope", scope)
                .setParameter("username", user.username())
                .getSingleResult() > 0;
    }

    /** Whether the passkey's credential ID is registered. Package-private: tests simulate races. */
    boolean credentialTaken(PasskeyCredentialEntity passkey) {
        return em.createNamedQuery(PasskeyCredentialEntity.COUNT_KEY, Long.class)
                .setParameter("key", passkey.credentialKey())
                .getSingleResult() > 0;
    }
}
