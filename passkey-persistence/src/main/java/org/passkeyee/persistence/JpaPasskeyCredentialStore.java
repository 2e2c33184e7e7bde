package org.passkeyee.persistence;

import static java.util.Objects.requireNonNull;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.persistence.jpa.PasskeyPersistenceContext;
import org.passkeyee.persistence.jpa.StoreConnections;
import org.passkeyee.persistence.schema.Codec;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;
import org.passkeyee.persistence.schema.SignInStatements;

/**
 * The JPA implementation of {@link PasskeyCredentialStore}, for EclipseLink and Hibernate alike.
 *
 * <p>Every method runs in a JTA transaction ({@link Transactional @Transactional}, joining the
 * caller's if there is one) on the {@link PasskeyPersistenceContext @PasskeyPersistenceContext}
 * {@link EntityManager}, except the sign-in's two statements ({@link #findPasskeyWithOwner},
 * {@link #recordSignIn}): each is a single statement in plain JDBC ({@link SignInStatements}) on
 * a connection of the store's JTA datasource, which joins the caller's transaction if there is
 * one and otherwise commits on its own, without a JTA transaction. Storage failures surface as
 * {@link PasskeyStoreException}; values that do not fit the columns (for example a label over 128 characters) as
 * {@link IllegalArgumentException} before anything is written. The store leaves none of its
 * entities managed, so a caller's persistence context never holds stale passkeys.
 *
 * <p>See the {@linkplain org.passkeyee.persistence package documentation} for the schema and for
 * using another datasource.
 */
@ApplicationScoped
public class JpaPasskeyCredentialStore implements PasskeyCredentialStore {

    private static final System.Logger LOG = System.getLogger(JpaPasskeyCredentialStore.class.getName());

    private final EntityManager em;
    private final StoreConnections connections;

    /** For the CDI container's client proxy only; the proxy delegates to a properly built instance. */
    protected JpaPasskeyCredentialStore() {
        this.em = null;
        this.connections = null;
    }

    @Inject
    JpaPasskeyCredentialStore(@PasskeyPersistenceContext EntityManager em, StoreConnections connections) {
        this.em = requireNonNull(em, "em");
        this.connections = requireNonNull(connections, "connections");
    }

    // ---- users --------------------------------------------------------------------------------

    @Override
    @Transactional
    public Optional<PasskeyUser> findUserByUsername(String username) {
        requireNonNull(username, "username");
        return inStore("find a passkey user", () -> {
            List<PasskeyUserEntity> found = em.createNamedQuery(PasskeyUserEntity.BY_USERNAME, PasskeyUserEntity.class)
                    .setParameter("username", username)
                    .getResultList();
            detachAll(found);
            // Exact match, also where the database collation ignores case (MariaDB's default).
            return found.stream().filter(u -> u.username().equals(username)).findFirst().map(Codec::toUser);
        });
    }

    @Override
    @Transactional
    public Optional<PasskeyUser> findUserByUserHandle(ByteArray userHandle) {
        String handle = Codec.base64Url(requireNonNull(userHandle, "userHandle"));
        return inStore("find a passkey user", () -> {
            PasskeyUserEntity found = em.find(PasskeyUserEntity.class, handle);
            if (found == null) {
                return Optional.empty();
            }
            em.detach(found);
            return found.userHandle().equals(handle) ? Optional.of(Codec.toUser(found)) : Optional.empty();
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Both rows are written and flushed in one transaction. Taken keys are looked up first, so
     * the usual conflict returns {@code false} in a transaction that still commits (nothing
     * written). If a concurrent transaction inserts the same key between that check and the
     * flush, the database's constraint violation also returns {@code false}; the provider has then
     * marked the transaction rollback-only, so the container's {@code @Transactional} interceptor
     * rolls it back (a caller's own enclosing transaction is doomed too). Either way no user is
     * ever stored without their passkey.
     *
     * @throws IllegalArgumentException if the passkey belongs to another user handle, or a value
     *                                  does not fit its column
     */
    @Override
    @Transactional
    public boolean createUser(PasskeyUser user, StoredPasskey firstPasskey) {
        requireNonNull(user, "user");
        requireNonNull(firstPasskey, "firstPasskey");
        if (!user.userHandle().equals(firstPasskey.userHandle())) {
            throw new IllegalArgumentException("The first passkey belongs to another user handle");
        }
        PasskeyUserEntity userRow = Codec.toEntity(user);
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
     * {@inheritDoc}
     *
     * <p>A concurrent registration of the same credential ID also returns {@code false}, as
     * described for {@link #createUser}.
     *
     * @throws IllegalArgumentException if no user has the passkey's user handle, or a value does
     *                                  not fit its column
     */
    @Override
    @Transactional
    public boolean addPasskey(StoredPasskey passkey) {
        PasskeyCredentialEntity row = Codec.toEntity(requireNonNull(passkey, "passkey"));
        boolean userExists;
        try {
            if (credentialTaken(row)) {
                return false;
            }
            userExists = em.createNamedQuery(PasskeyUserEntity.COUNT_HANDLE, Long.class)
                    .setParameter("userHandle", row.userHandle())
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
        throw new IllegalArgumentException("No passkey user has this user handle");
    }

    // ---- passkeys -----------------------------------------------------------------------------

    @Override
    @Transactional
    public Optional<StoredPasskey> findPasskey(ByteArray credentialId) {
        requireNonNull(credentialId, "credentialId");
        return inStore("find a passkey", () -> passkeyRow(credentialId).map(Codec::toPasskey));
    }

    /** {@inheritDoc} Here: one joined {@code SELECT} by primary key. */
    @Override
    public Optional<OwnedPasskey> findPasskeyWithOwner(ByteArray credentialId) {
        requireNonNull(credentialId, "credentialId");
        return inJdbc("find a passkey and its owner",
                connection -> SignInStatements.findOwnedPasskey(connection, credentialId));
    }

    /** The detached row of this credential ID, found by its hash key, if its full ID matches. */
    private Optional<PasskeyCredentialEntity> passkeyRow(ByteArray credentialId) {
        PasskeyCredentialEntity found = em.find(PasskeyCredentialEntity.class, Codec.credentialKey(credentialId));
        if (found == null) {
            return Optional.empty();
        }
        em.detach(found);
        return found.credentialId().equals(Codec.base64Url(credentialId)) ? Optional.of(found) : Optional.empty();
    }

    /** {@inheritDoc} Passkeys registered in the same instant come in a fixed but arbitrary order. */
    @Override
    @Transactional
    public List<StoredPasskey> findPasskeys(ByteArray userHandle) {
        String handle = Codec.base64Url(requireNonNull(userHandle, "userHandle"));
        return inStore("list passkeys", () -> {
            List<PasskeyCredentialEntity> found = passkeysOf(handle, LockModeType.NONE);
            detachAll(found);
            return found.stream().map(Codec::toPasskey).toList();
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One conditional {@code UPDATE}: the database compares the counts and the challenge's
     * hash, so a concurrent sign-in cannot come between the check and the write, and of two
     * servers recording one ceremony, the second finds the hash written by the first.
     *
     * @throws IllegalArgumentException if {@code signatureCount} is negative
     */
    @Override
    public boolean recordSignIn(ByteArray credentialId, long signatureCount, boolean backedUp, Instant usedAt,
                                ByteArray challenge) {
        requireNonNull(credentialId, "credentialId");
        requireNonNull(usedAt, "usedAt");
        requireNonNull(challenge, "challenge");
        Codec.checkSignatureCount(signatureCount);
        return inJdbc("record a sign-in", connection ->
                SignInStatements.recordSignIn(connection, credentialId, signatureCount, backedUp, usedAt, challenge));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the label is over 128 characters
     */
    @Override
    @Transactional
    public boolean rename(ByteArray userHandle, ByteArray credentialId, String label) {
        requireNonNull(userHandle, "userHandle");
        requireNonNull(credentialId, "credentialId");
        Codec.checkLabel(label);
        String handle = Codec.base64Url(userHandle);
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        return inStore("rename a passkey", () -> em.createNamedQuery(PasskeyCredentialEntity.RENAME)
                .setParameter("label", label)
                .setParameter("key", key)
                .setParameter("credentialId", id)
                .setParameter("userHandle", handle)
                .executeUpdate() == 1);
    }

    /** Deletes the user row and their passkeys in one transaction, the user row locked first as {@link #delete} does. */
    @Override
    @Transactional
    public boolean deleteUser(ByteArray userHandle) {
        requireNonNull(userHandle, "userHandle");
        String handle = Codec.base64Url(userHandle);
        return inStore("delete a passkey user", () -> {
            PasskeyUserEntity user = em.find(PasskeyUserEntity.class, handle, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || !user.userHandle().equals(handle)) {
                return false;
            }
            em.detach(user);
            em.createNamedQuery(PasskeyCredentialEntity.DELETE_USERS).setParameter("userHandle", handle).executeUpdate();
            // The row is locked by this transaction, so nobody else can have removed it.
            return em.createNamedQuery(PasskeyUserEntity.DELETE_HANDLE).setParameter("userHandle", handle).executeUpdate() == 1;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Locks the user's row and then their passkey rows ({@code PESSIMISTIC_WRITE}, i.e.
     * {@code SELECT ... FOR UPDATE}), counts the passkeys, and deletes in the same transaction:
     * concurrent deletions for one user run one after the other, and the second sees the first's
     * result.
     */
    @Override
    @Transactional
    public DeleteOutcome delete(ByteArray userHandle, ByteArray credentialId, boolean allowLast) {
        requireNonNull(userHandle, "userHandle");
        requireNonNull(credentialId, "credentialId");
        String handle = Codec.base64Url(userHandle);
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        return inStore("delete a passkey", () -> {
            PasskeyUserEntity owner = em.find(PasskeyUserEntity.class, handle, LockModeType.PESSIMISTIC_WRITE);
            if (owner == null) {
                return DeleteOutcome.NOT_FOUND;
            }
            em.detach(owner);
            if (!owner.userHandle().equals(handle)) {
                return DeleteOutcome.NOT_FOUND;
            }
            List<PasskeyCredentialEntity> passkeys = passkeysOf(handle, LockModeType.PESSIMISTIC_WRITE);
            detachAll(passkeys);
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

    // ---- helpers ------------------------------------------------------------------------------

    /** Whether the user's handle or username is in use. Package-private: tests simulate races. */
    boolean userTaken(PasskeyUserEntity user) {
        return em.createNamedQuery(PasskeyUserEntity.COUNT_TAKEN, Long.class)
                .setParameter("userHandle", user.userHandle())
                .setParameter("username", user.username())
                .getSingleResult() > 0;
    }

    /** Whether the passkey's credential ID is registered. Package-private: tests simulate races. */
    boolean credentialTaken(PasskeyCredentialEntity passkey) {
        return em.createNamedQuery(PasskeyCredentialEntity.COUNT_KEY, Long.class)
                .setParameter("key", passkey.credentialKey())
                .getSingleResult() > 0;
    }

    private List<PasskeyCredentialEntity> passkeysOf(String handle, LockModeType lock) {
        return em.createNamedQuery(PasskeyCredentialEntity.BY_USER, PasskeyCredentialEntity.class)
                .setParameter("userHandle", handle)
                .setLockMode(lock)
                .getResultList();
    }

    private void detachAll(List<?> entities) {
        entities.forEach(em::detach);
    }

    /** Runs database work, turning any failure of the storage into a {@link PasskeyStoreException}. */
    private static <T> T inStore(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (PasskeyStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(action, e);
        }
    }

    /** Runs JDBC work on the transaction's connection, turning any failure into a {@link PasskeyStoreException}. */
    private <T> T inJdbc(String action, StoreConnections.Work<T> work) {
        try {
            return connections.run(work);
        } catch (PasskeyStoreException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw failure(action, e);
        }
    }

    /** {@code false} if an insert lost a race for a unique key, otherwise a store failure. */
    private static boolean conflictOrFailure(String action, RuntimeException e) {
        if (e instanceof PasskeyStoreException storeFailure) {
            throw storeFailure;
        }
        if (isConstraintViolation(e)) {
            LOG.log(System.Logger.Level.DEBUG,
                    "Could not {0}: a concurrent transaction took the same key; the transaction rolls back", action);
            return false;
        }
        throw failure(action, e);
    }

    private static PasskeyStoreException failure(String action, Exception e) {
        return new PasskeyStoreException("Could not " + action + ": the passkey store failed", e);
    }

    /**
     * Whether an exception was caused by an integrity constraint violation: SQLSTATE class 23
     * (H2 and PostgreSQL 23505, MariaDB 23000), as both providers keep the driver's
     * {@link SQLException} in the cause chain.
     */
    static boolean isConstraintViolation(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(e);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.push(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
        }
        return false;
    }
}
