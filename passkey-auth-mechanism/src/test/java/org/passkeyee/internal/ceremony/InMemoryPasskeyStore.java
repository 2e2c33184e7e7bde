package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/** TEST-ONLY: the store SPI in two maps, for running ceremonies without a database. */
public final class InMemoryPasskeyStore implements PasskeyCredentialStore {

    /** Users by their name as {@link #nameKey} compares it. */
    private final Map<String, PasskeyUser> usersByName = new ConcurrentHashMap<>();
    private final UnaryOperator<String> nameKey;
    private final Map<ByteArray, StoredPasskey> passkeys = new ConcurrentHashMap<>();
    /** The challenge each passkey's last sign-in answered, as a store shared by servers keeps it. */
    final Map<ByteArray, ByteArray> lastChallenges = new ConcurrentHashMap<>();

    /** Names compared exactly, as the SPI asks. */
    public InMemoryPasskeyStore() {
        this(UnaryOperator.identity());
    }

    private InMemoryPasskeyStore(UnaryOperator<String> nameKey) {
        this.nameKey = nameKey;
    }

    /**
     * A store that breaks the SPI's exact names as a table under a case-insensitive collation
     * does (MariaDB's default): {@code JDoe} finds {@code jdoe}, and cannot be created beside it.
     */
    public static InMemoryPasskeyStore ignoringCase() {
        return new InMemoryPasskeyStore(name -> name.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<PasskeyUser> findUserByUsername(String username) {
        return Optional.ofNullable(usersByName.get(nameKey.apply(username)));
    }

    /** Renames an account behind the module's back, as a row stored before the name policy or by hand. */
    void renameByHand(String from, String to) {
        PasskeyUser user = usersByName.remove(from);
        usersByName.put(to, new PasskeyUser(to, user.displayName(), user.userHandle(), user.createdAt(), user.vouchedBy()));
    }

    @Override
    public Optional<PasskeyUser> findUserByUserHandle(ByteArray userHandle) {
        return usersByName.values().stream().filter(u -> u.userHandle().equals(userHandle)).findFirst();
    }

    @Override
    public synchronized boolean createUser(PasskeyUser user, StoredPasskey firstPasskey) {
        if (usersByName.containsKey(nameKey.apply(user.username())) || passkeys.containsKey(firstPasskey.credentialId())) {
            return false;
        }
        usersByName.put(nameKey.apply(user.username()), user);
        passkeys.put(firstPasskey.credentialId(), firstPasskey);
        return true;
    }

    @Override
    public synchronized boolean addPasskey(StoredPasskey passkey) {
        return passkeys.putIfAbsent(passkey.credentialId(), passkey) == null;
    }

    @Override
    public Optional<StoredPasskey> findPasskey(ByteArray credentialId) {
        return Optional.ofNullable(passkeys.get(credentialId));
    }

    @Override
    public List<StoredPasskey> findPasskeys(ByteArray userHandle) {
        return passkeys.values().stream().filter(p -> p.userHandle().equals(userHandle)).toList();
    }

    /** What happens just before the next sign-in is recorded (once), as if another request ran then. */
    volatile Runnable beforeNextSignIn = () -> { };

    @Override
    public synchronized boolean recordSignIn(ByteArray credentialId, long signatureCount, boolean backedUp, Instant usedAt,
                                             ByteArray challenge) {
        Runnable concurrently = beforeNextSignIn;
        beforeNextSignIn = () -> { };
        concurrently.run();
        StoredPasskey p = passkeys.get(credentialId);
        if (p == null || !(signatureCount > p.signatureCount() || signatureCount == 0 && p.signatureCount() == 0)
                || challenge.equals(lastChallenges.get(credentialId))) {
            return false;
        }
        lastChallenges.put(credentialId, challenge);
        passkeys.put(credentialId, new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), signatureCount,
                p.transports(), p.aaguid(), p.backupEligible(), backedUp, p.uvInitialized(), p.attestationFormat(),
                p.label(), p.createdAt(), usedAt));
        return true;
    }

    /** Stores another count for the passkey, as another server's sign-in (or a clone's) would, its last use unchanged. */
    synchronized void setSignatureCount(ByteArray credentialId, long count) {
        StoredPasskey p = passkeys.get(credentialId);
        passkeys.put(credentialId, new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), count,
                p.transports(), p.aaguid(), p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(),
                p.label(), p.createdAt(), p.lastUsedAt()));
    }

    @Override
    public synchronized boolean rename(ByteArray userHandle, ByteArray credentialId, String label) {
        StoredPasskey p = passkeys.get(credentialId);
        if (p == null || !p.userHandle().equals(userHandle)) {
            return false;
        }
        passkeys.put(credentialId, new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), p.signatureCount(),
                p.transports(), p.aaguid(), p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(),
                label, p.createdAt(), p.lastUsedAt()));
        return true;
    }

    @Override
    public synchronized boolean deleteUser(ByteArray userHandle) {
        boolean removed = usersByName.values().removeIf(user -> user.userHandle().equals(userHandle));
        passkeys.values().removeIf(passkey -> passkey.userHandle().equals(userHandle));
        return removed;
    }

    @Override
    public synchronized DeleteOutcome delete(ByteArray userHandle, ByteArray credentialId, boolean allowLast) {
        StoredPasskey p = passkeys.get(credentialId);
        if (p == null || !p.userHandle().equals(userHandle)) {
            return DeleteOutcome.NOT_FOUND;
        }
        if (!allowLast && findPasskeys(userHandle).size() == 1) {
            return DeleteOutcome.LAST_PASSKEY;
        }
        passkeys.remove(credentialId);
        return DeleteOutcome.DELETED;
    }

    /** Gives the owner of {@code credentialId} another passkey (a copy under a new ID), so that it is not their last. */
    void addSecondPasskeyFor(ByteArray credentialId) {
        StoredPasskey p = passkeys.get(credentialId);
        ByteArray otherId = new ByteArray(java.util.Arrays.copyOf(credentialId.getBytes(), credentialId.size() + 1));
        passkeys.put(otherId, new StoredPasskey(otherId, p.userHandle(), p.publicKeyCose(), 0, p.transports(), p.aaguid(),
                p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(), "Second", p.createdAt(), null));
    }

    /** How many passkeys are stored: a refused ceremony must not change it. */
    int passkeyCount() {
        return passkeys.size();
    }
}
