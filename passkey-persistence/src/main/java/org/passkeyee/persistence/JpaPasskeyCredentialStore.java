package org.passkeyee.persistence;

import static java.util.Objects.requireNonNull;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.persistence.config.StoreSettings;
import org.passkeyee.persistence.jpa.PasskeyPersistenceContext;
import org.passkeyee.persistence.jpa.StoreConnections;

/**
 * The JPA implementation of {@link PasskeyCredentialStore}, for EclipseLink and Hibernate alike.
 *
 * <p>Every method runs in a JTA transaction ({@link Transactional @Transactional}, joining the
 * caller's if there is one) on the {@link PasskeyPersistenceContext @PasskeyPersistenceContext}
 * {@link EntityManager}, except the sign-in's two statements ({@link #findPasskeyWithOwner},
 * {@link #recordSignIn}): each is a single statement in plain JDBC on a connection of the store's
 * JTA datasource, which joins the caller's transaction if there is one and otherwise commits on
 * its own, without a JTA transaction. Storage failures surface as {@link PasskeyStoreException};
 * values that do not fit the columns (for example a label over 128 characters) as
 * {@link IllegalArgumentException} before anything is written. The store leaves none of its
 * entities managed, so a caller's persistence context never holds stale passkeys.
 *
 * <p>It holds the accounts of one store scope ({@link StoreSettings#scope()}, by default one
 * application): users and passkeys of other scopes in the same tables are never found, listed,
 * changed or deleted, and usernames are unique within a scope only.
 *
 * <p>This class is the transaction boundary; the work is done by one class per job: reads,
 * registrations, passkey management and sign-ins. See the
 * {@linkplain org.passkeyee.persistence package documentation} for the schema and for using
 * another datasource.
 */
@ApplicationScoped
public class JpaPasskeyCredentialStore implements PasskeyCredentialStore {

    private final PasskeyReads reads;
    private final Registrations registrations;
    private final PasskeyManagement management;
    private final SignIns signIns;

    /** For the CDI container's client proxy only; the proxy delegates to a properly built instance. */
    protected JpaPasskeyCredentialStore() {
        this.reads = null;
        this.registrations = null;
        this.management = null;
        this.signIns = null;
    }

    @Inject
    JpaPasskeyCredentialStore(@PasskeyPersistenceContext EntityManager em, StoreSettings settings,
                              StoreConnections connections) {
        this(em, settings.scope(), connections);
    }

    /** The store of the accounts of store scope {@code scope}. */
    JpaPasskeyCredentialStore(EntityManager em, String scope, StoreConnections connections) {
        this(em, scope, new Registrations(em, scope), connections);
    }

    /** The store with this registration job; tests give it one that simulates races. */
    JpaPasskeyCredentialStore(EntityManager em, String scope, Registrations registrations, StoreConnections connections) {
        requireNonNull(em, "em");
        requireNonNull(scope, "scope");
        this.reads = new PasskeyReads(em, scope);
        this.registrations = registrations;
        this.management = new PasskeyManagement(em, reads);
        this.signIns = new SignIns(scope, requireNonNull(connections, "connections"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The query compares under the column's collation; the names it finds are compared again
     * here, exactly, so a table generated with a case-insensitive collation (MariaDB's default)
     * never answers {@code jdoe} for {@code JDoe}.
     */
    @Override
    @Transactional
    public Optional<PasskeyUser> findUserByUsername(String username) {
        return reads.findUserByUsername(requireNonNull(username, "username"));
    }

    @Override
    @Transactional
    public List<PasskeyUser> findUsersWithoutVouchingStore(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return reads.findUsersWithoutVouchingStore(limit);
    }

    @Override
    @Transactional
    public Optional<PasskeyUser> findUserByUserHandle(ByteArray userHandle) {
        return reads.findUserByUserHandle(requireNonNull(userHandle, "userHandle"));
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
        return registrations.createUser(requireNonNull(user, "user"), requireNonNull(firstPasskey, "firstPasskey"));
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
        return registrations.addPasskey(requireNonNull(passkey, "passkey"));
    }

    @Override
    @Transactional
    public Optional<StoredPasskey> findPasskey(ByteArray credentialId) {
        return reads.findPasskey(requireNonNull(credentialId, "credentialId"));
    }

    /** {@inheritDoc} Here: one joined {@code SELECT} by primary key. */
    @Override
    public Optional<OwnedPasskey> findPasskeyWithOwner(ByteArray credentialId) {
        return signIns.findPasskeyWithOwner(requireNonNull(credentialId, "credentialId"));
    }

    /** {@inheritDoc} Passkeys registered in the same instant come in a fixed but arbitrary order. */
    @Override
    @Transactional
    public List<StoredPasskey> findPasskeys(ByteArray userHandle) {
        return reads.findPasskeys(requireNonNull(userHandle, "userHandle"));
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
        return signIns.recordSignIn(credentialId, signatureCount, backedUp, usedAt, challenge);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the label is over 128 characters
     */
    @Override
    @Transactional
    public boolean rename(ByteArray userHandle, ByteArray credentialId, String label) {
        return management.rename(requireNonNull(userHandle, "userHandle"), requireNonNull(credentialId, "credentialId"),
                label);
    }

    /** Deletes the user row and their passkeys in one transaction, the user row locked first as {@link #delete} does. */
    @Override
    @Transactional
    public boolean deleteUser(ByteArray userHandle) {
        return management.deleteUser(requireNonNull(userHandle, "userHandle"));
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
        return management.delete(requireNonNull(userHandle, "userHandle"), requireNonNull(credentialId, "credentialId"),
                allowLast);
    }
}
