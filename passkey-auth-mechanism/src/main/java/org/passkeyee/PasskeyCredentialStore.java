package org.passkeyee;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of passkey users and their passkeys: the SPI behind the passkey identity store.
 *
 * <p>Provide exactly one CDI bean of this type; {@code passkey-persistence} ships a JPA one.
 * Implementations MUST make every method atomic (one transaction each) and MUST throw
 * {@link PasskeyStoreException} when the storage itself fails (database down), so that callers
 * answer 503 instead of treating the failure as "not found".
 *
 * <p>A store holds the accounts of one application. Where several applications share the
 * storage (on one server, the default datasource is every application's), implementations MUST
 * keep them apart: every method sees, changes and deletes only the users, and the passkeys of
 * users, of this application's scope, and usernames are unique within a scope only. Otherwise a
 * passkey made in one application signs into another as the same name, and gets there the
 * groups that application's stores give that name. {@code passkey-persistence} does this with its
 * store scope ({@code passkey.store-scope}).
 *
 * <p>The store performs no authorization: callers of the per-user methods MUST pass the user
 * handle of the authenticated caller, never one taken from the request, or one caller could
 * rename or delete another's passkeys.
 */
public interface PasskeyCredentialStore {

    /**
     * The user whose username is exactly {@code username}: equal character for character
     * ({@link String#equals}), case and accents included. Implementations MUST NOT return a user
     * whose name the database merely compares equal (a case- or accent-insensitive collation, such
     * as MariaDB's default {@code utf8mb4_general_ci}, takes {@code JDoe} for {@code jdoe}): where
     * an identity store tells the two apart, one person would get the other's passkeys. Where the
     * storage's comparison may ignore differences, compare the stored name again after the query.
     * (The module checks the answer again, but other callers of the SPI may not.)
     */
    Optional<PasskeyUser> findUserByUsername(String username);

    /** The user with this user handle. */
    Optional<PasskeyUser> findUserByUserHandle(ByteArray userHandle);

    /**
     * Stores a new user together with their first passkey, both or neither.
     *
     * @return {@code false}, storing nothing, when the username, the user handle or the
     *         credential ID is already taken; the username as the storage compares names (under a
     *         case-insensitive collation {@code JDoe} is taken when {@code jdoe} exists), never
     *         an exception for it
     */
    boolean createUser(PasskeyUser user, StoredPasskey firstPasskey);

    /**
     * Adds a passkey to an existing user.
     *
     * @return {@code false}, storing nothing, when the credential ID is already registered
     */
    boolean addPasskey(StoredPasskey passkey);

    /** The passkey with this credential ID, whoever owns it. */
    Optional<StoredPasskey> findPasskey(ByteArray credentialId);

    /**
     * The passkey with this credential ID together with its owner, in one read where the store
     * can (one transaction): a sign-in needs both. The default asks {@link #findPasskey}, then
     * {@link #findUserByUserHandle}.
     *
     * @return empty when there is no such passkey, or its owner is gone
     */
    default Optional<OwnedPasskey> findPasskeyWithOwner(ByteArray credentialId) {
        return findPasskey(credentialId).flatMap(passkey -> findUserByUserHandle(passkey.userHandle())
                .map(owner -> new OwnedPasskey(passkey, owner)));
    }

    /**
     * A passkey and the user it belongs to.
     *
     * @param passkey the passkey
     * @param owner   its user
     */
    record OwnedPasskey(StoredPasskey passkey, PasskeyUser owner) {
    }

    /** All passkeys of a user, oldest first. */
    List<StoredPasskey> findPasskeys(ByteArray userHandle);

    /**
     * Records a successful sign-in, atomically, in one update: the signature count is written
     * only if it is greater than the stored one, or if both are 0 (synced passkeys always report
     * 0), so a concurrent sign-in can never lower the stored count; and only once per ceremony:
     * not if this passkey's last recorded sign-in answered the same {@code challenge}. A stranger's
     * ceremony travels sealed in the browser and can be sent again, to any server, and several
     * servers can receive the same signed answer at once; the store is where they meet, so
     * implementations MUST compare the counts and the challenge in the same atomic step as the
     * write, and MUST keep {@code usedAt} as the passkey's {@link StoredPasskey#lastUsedAt()}
     * (a count equal to the stored one, recorded after a ceremony started, is that ceremony's
     * answer sent again, not a clone).
     *
     * @param credentialId   the passkey that signed
     * @param signatureCount the signature count it reported
     * @param backedUp       whether it reported being backed up
     * @param usedAt         when the sign-in happened
     * @param challenge      the challenge of the ceremony the sign-in answered
     * @return {@code false}, changing nothing, when there is no such passkey, the stored count
     *         does not allow the new one, or the last sign-in answered this challenge
     */
    boolean recordSignIn(ByteArray credentialId, long signatureCount, boolean backedUp, Instant usedAt,
                         ByteArray challenge);

    /**
     * Renames a passkey of the given user.
     *
     * @return {@code false} when the user has no passkey with this credential ID
     */
    boolean rename(ByteArray userHandle, ByteArray credentialId, String label);

    /**
     * Deletes a passkey of the given user. The check for the last passkey and the deletion are
     * one atomic step, so two concurrent deletions cannot remove a caller's last two passkeys.
     *
     * @param allowLast whether the user's last passkey may go (they have another way to sign in)
     */
    DeleteOutcome delete(ByteArray userHandle, ByteArray credentialId, boolean allowLast);

    /**
     * Deletes a user together with all their passkeys, atomically: offboarding. A later user of
     * the same name starts without passkeys.
     *
     * @return {@code false}, changing nothing, when there is no user with this handle
     */
    boolean deleteUser(ByteArray userHandle);

    /**
     * Accounts of this application that recorded no vouching store ({@link PasskeyUser#vouchedBy()}
     * {@code null}: stored before schema version 3), by name, at most {@code limit} of them: the
     * module lists them for the administrator, who assigns them one by one. The default finds
     * none, for stores that never held such accounts.
     */
    default List<PasskeyUser> findUsersWithoutVouchingStore(int limit) {
        return List.of();
    }

    /** The result of {@link #delete}. */
    enum DeleteOutcome {
        /** The passkey was deleted. */
        DELETED,
        /** The user has no passkey with this credential ID. */
        NOT_FOUND,
        /** Nothing deleted: it is the user's last passkey and {@code allowLast} was false. */
        LAST_PASSKEY
    }
}
