package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.yubico.webauthn.data.ByteArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyCredentialStore.DeleteOutcome;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;

/**
 * The store against real databases: H2 in memory always, PostgreSQL and MariaDB when a local
 * server answers; each with EclipseLink and Hibernate, on a JPA-generated schema and on the
 * schema of this module's DDL script.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fixtures")
class JpaPasskeyCredentialStoreTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123456Z");

    @Parameter
    StoreFixture fixture;

    /** Surefire names the invocations only by index ([1] to [12]); say which fixture failed. */
    @RegisterExtension
    final TestWatcher nameFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("FAILED: " + context.getDisplayName() + " on " + fixture + ": " + cause);
        }
    };

    private EntityManager em;
    private PasskeyCredentialStore store;

    static List<StoreFixture> fixtures() {
        return StoreFixture.all();
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture.open();
        fixture.deleteAll();
        em = fixture.entityManager();
        store = fixture.transactional(em, StoreFixture.storeOver(em));
    }

    @AfterEach
    void tearDown() {
        if (em != null) {
            em.close();
        }
    }

    // ---- creating users ------------------------------------------------------------------------

    @Test
    void createsUserWithFirstPasskey() {
        ByteArray handle = bytes(64);
        PasskeyUser alice = user("alice", handle);
        StoredPasskey first = passkey(handle, bytes(32), T0);

        assertTrue(store.createUser(alice, first));

        assertEquals(Optional.of(alice), store.findUserByUsername("alice"));
        assertEquals(Optional.of(alice), store.findUserByUserHandle(handle));
        assertEquals(Optional.of(first), store.findPasskey(first.credentialId()));
        assertEquals(List.of(first), store.findPasskeys(handle));
        assertEquals(Optional.empty(), store.findUserByUsername("bob"));
        assertEquals(Optional.empty(), store.findUserByUserHandle(bytes(64)));
        assertEquals(Optional.empty(), store.findPasskey(bytes(32)));
        assertEquals(List.of(), store.findPasskeys(bytes(64)));
    }

    @Test
    void usernamesMatchExactly() {
        ByteArray handle = bytes(64);
        assertTrue(store.createUser(user("Alice", handle), passkey(handle, bytes(16), T0)));

        assertTrue(store.findUserByUsername("Alice").isPresent());
        assertEquals(Optional.empty(), store.findUserByUsername("alice"));
        assertEquals(Optional.empty(), store.findUserByUsername("ALICE"));
        assertEquals(Optional.empty(), store.findUserByUsername("Alice "));
    }

    @Test
    void usernamesDifferingInCaseAreDifferentUsers() {
        // A MariaDB schema generated by JPA inherits the server's case-insensitive collation;
        // the DDL script declares a binary one. Only there do the two names collide.
        assumeTrue(!(fixture.database == TestDatabase.MARIADB && !fixture.schemaFromScript),
                "MariaDB with a generated schema compares usernames case-insensitively");
        ByteArray first = bytes(64);
        ByteArray second = bytes(64);
        assertTrue(store.createUser(user("alice", first), passkey(first, bytes(16), T0)));
        assertTrue(store.createUser(user("Alice", second), passkey(second, bytes(16), T0)));
        assertEquals(first, store.findUserByUsername("alice").orElseThrow().userHandle());
        assertEquals(second, store.findUserByUsername("Alice").orElseThrow().userHandle());
    }

    @Test
    void usernamesUnderACaseInsensitiveCollationThenStillMatchedExactly() throws SQLException {
        assumeTrue(fixture.database == TestDatabase.MARIADB && !fixture.schemaFromScript,
                "only a generated MariaDB schema has a case-insensitive USERNAME column");
        assertTrue(usernameCollation().endsWith("_ci"), "the server's default collation: " + usernameCollation());
        ByteArray handle = bytes(64);
        assertTrue(store.createUser(user("jdoe", handle), passkey(handle, bytes(16), T0)));
        assertEquals(1, countUsernamesEqualTo("JDoe"), "the column itself takes JDoe for jdoe");

        assertEquals(Optional.empty(), store.findUserByUsername("JDoe"));
        assertEquals(Optional.empty(), store.findUserByUsername("JDOE"));
        assertEquals(handle, store.findUserByUsername("jdoe").orElseThrow().userHandle());
        ByteArray other = bytes(64);
        assertFalse(store.createUser(user("JDoe", other), passkey(other, bytes(16), T0)),
                "the table cannot hold both names: refused (a 409 upstream), not an exception");
        assertEquals(1, count("PASSKEY_USER"));
    }

    @Test
    void duplicateUsernameStoresNothing() {
        ByteArray handle = bytes(64);
        StoredPasskey existing = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", handle), existing));

        ByteArray otherHandle = bytes(64);
        StoredPasskey otherPasskey = passkey(otherHandle, bytes(32), T0);
        assertFalse(store.createUser(user("alice", otherHandle), otherPasskey));

        assertEquals(Optional.empty(), store.findUserByUserHandle(otherHandle));
        assertEquals(Optional.empty(), store.findPasskey(otherPasskey.credentialId()));
        assertEquals(handle, store.findUserByUsername("alice").orElseThrow().userHandle());
        assertEquals(1, count("PASSKEY_USER"));
        assertEquals(1, count("PASSKEY_CREDENTIAL"));
    }

    @Test
    void duplicateUserHandleStoresNothing() {
        ByteArray handle = bytes(64);
        assertTrue(store.createUser(user("alice", handle), passkey(handle, bytes(32), T0)));

        StoredPasskey otherPasskey = passkey(handle, bytes(32), T0);
        assertFalse(store.createUser(user("bob", handle), otherPasskey));

        assertEquals(Optional.empty(), store.findUserByUsername("bob"));
        assertEquals(Optional.empty(), store.findPasskey(otherPasskey.credentialId()));
        assertEquals("alice", store.findUserByUserHandle(handle).orElseThrow().username());
        assertEquals(1, count("PASSKEY_CREDENTIAL"));
    }

    @Test
    void duplicateCredentialIdStoresNothing() {
        ByteArray aliceHandle = bytes(64);
        StoredPasskey alicePasskey = passkey(aliceHandle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", aliceHandle), alicePasskey));

        ByteArray bobHandle = bytes(64);
        StoredPasskey stolenId = passkey(bobHandle, alicePasskey.credentialId(), T0.plusSeconds(5));
        assertFalse(store.createUser(user("bob", bobHandle), stolenId));
        assertEquals(Optional.empty(), store.findUserByUsername("bob"));
        assertEquals(Optional.empty(), store.findUserByUserHandle(bobHandle));

        // addPasskey: the same ID for another user, and again for its owner
        ByteArray carolHandle = bytes(64);
        assertTrue(store.createUser(user("carol", carolHandle), passkey(carolHandle, bytes(32), T0)));
        assertFalse(store.addPasskey(passkey(carolHandle, alicePasskey.credentialId(), T0.plusSeconds(9))));
        assertFalse(store.addPasskey(passkey(aliceHandle, alicePasskey.credentialId(), T0.plusSeconds(9))));

        assertEquals(Optional.of(alicePasskey), store.findPasskey(alicePasskey.credentialId()));
        assertEquals(1, store.findPasskeys(carolHandle).size());
        assertEquals(2, count("PASSKEY_CREDENTIAL"));
    }

    // ---- store scopes: applications sharing the tables ------------------------------------------

    @Test
    void anotherApplicationsStoreWhenItSharesTheTablesThenItNeverSeesChangesOrSignsInWithTheAccounts() {
        ByteArray handle = bytes(64);
        StoredPasskey first = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("jdoe", handle), first));
        PasskeyCredentialStore backoffice = fixture.transactional(em, StoreFixture.storeOver(em, "example.com/backoffice"));

        assertEquals(Optional.empty(), backoffice.findUserByUsername("jdoe"));
        assertEquals(Optional.empty(), backoffice.findUserByUserHandle(handle));
        assertEquals(Optional.empty(), backoffice.findPasskey(first.credentialId()));
        assertEquals(Optional.empty(), backoffice.findPasskeyWithOwner(first.credentialId()), "no sign-in with it");
        assertEquals(List.of(), backoffice.findPasskeys(handle));
        assertFalse(backoffice.rename(handle, first.credentialId(), "mine now"));
        assertEquals(DeleteOutcome.NOT_FOUND, backoffice.delete(handle, first.credentialId(), true));
        assertFalse(backoffice.deleteUser(handle));
        assertThrows(IllegalArgumentException.class, () -> backoffice.addPasskey(passkey(handle, bytes(32), T0)),
                "no passkey joins another application's account");

        assertEquals(List.of(first), store.findPasskeys(handle), "untouched");
        assertEquals(Optional.of(first), store.findPasskey(first.credentialId()));
    }

    @Test
    void usersWithoutVouchingStoreWhenSomeRecordedNoneThenThoseOfThisApplicationOnlyByNameAndBounded() {
        ByteArray zed = bytes(64);
        ByteArray amy = bytes(64);
        ByteArray vouched = bytes(64);
        ByteArray elsewhere = bytes(64);
        assertTrue(store.createUser(new PasskeyUser("zed", "zed", zed, T0, null), passkey(zed, bytes(32), T0)));
        assertTrue(store.createUser(new PasskeyUser("amy", "amy", amy, T0, null), passkey(amy, bytes(32), T0)));
        assertTrue(store.createUser(new PasskeyUser("vic", "vic", vouched, T0, "com.example.Staff"), passkey(vouched, bytes(32), T0)));
        PasskeyCredentialStore backoffice = fixture.transactional(em, StoreFixture.storeOver(em, "example.com/backoffice"));
        assertTrue(backoffice.createUser(new PasskeyUser("bob", "bob", elsewhere, T0, null), passkey(elsewhere, bytes(32), T0)));

        assertEquals(List.of("amy", "zed"), store.findUsersWithoutVouchingStore(10).stream().map(PasskeyUser::username).toList());
        assertEquals(List.of("amy"), store.findUsersWithoutVouchingStore(1).stream().map(PasskeyUser::username).toList());
        assertThrows(IllegalArgumentException.class, () -> store.findUsersWithoutVouchingStore(0));
    }

    @Test
    void signUpsWhenTwoApplicationsShareTheTablesThenTheSameNameIsTwoAccounts() {
        ByteArray shopHandle = bytes(64);
        ByteArray backofficeHandle = bytes(64);
        StoredPasskey shopPasskey = passkey(shopHandle, bytes(32), T0);
        StoredPasskey backofficePasskey = passkey(backofficeHandle, bytes(32), T0);
        PasskeyCredentialStore backoffice = fixture.transactional(em, StoreFixture.storeOver(em, "example.com/backoffice"));

        assertTrue(store.createUser(user("jdoe", shopHandle), shopPasskey));
        assertTrue(backoffice.createUser(user("jdoe", backofficeHandle), backofficePasskey), "the name is free there");

        assertEquals(shopHandle, store.findUserByUsername("jdoe").orElseThrow().userHandle());
        assertEquals(backofficeHandle, backoffice.findUserByUsername("jdoe").orElseThrow().userHandle());
        assertEquals(Optional.empty(), store.findPasskeyWithOwner(backofficePasskey.credentialId()));
        ByteArray another = bytes(64);
        assertFalse(store.createUser(user("jdoe", another), passkey(another, bytes(32), T0)),
                "a name stays unique within its application");
        assertFalse(backoffice.createUser(user("mallory", another), passkey(another, shopPasskey.credentialId(), T0)),
                "a credential ID is registered once in the whole table");
    }

    @Test
    void insertsThatLoseARaceReturnFalseAndStoreNothing() {
        ByteArray aliceHandle = bytes(64);
        StoredPasskey alicePasskey = passkey(aliceHandle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", aliceHandle), alicePasskey));

        // A store whose existence checks always miss, as when a concurrent transaction inserts
        // the same key between the check and the flush: the constraint violation decides.
        Registrations missingEveryCheck = new Registrations(em, StoreFixture.SCOPE) {
            @Override
            boolean userTaken(PasskeyUserEntity user) {
                return false;
            }

            @Override
            boolean credentialTaken(PasskeyCredentialEntity passkey) {
                return false;
            }
        };
        PasskeyCredentialStore racing = fixture.transactional(em,
                new JpaPasskeyCredentialStore(em, StoreFixture.SCOPE, missingEveryCheck, StoreFixture.connectionsOf(em)));
        int rollbacks = fixture.rollbacks.get();

        ByteArray bobHandle = bytes(64);
        StoredPasskey bobPasskey = passkey(bobHandle, bytes(32), T0);
        assertFalse(racing.createUser(user("alice", bobHandle), bobPasskey), "username taken");
        // The user row would be fine; only the passkey collides: no user without passkey remains.
        assertFalse(racing.createUser(user("bob", bobHandle), passkey(bobHandle, alicePasskey.credentialId(), T0)),
                "credential ID taken");
        assertFalse(racing.addPasskey(passkey(aliceHandle, alicePasskey.credentialId(), T0)), "credential ID taken");

        assertEquals(rollbacks + 3, fixture.rollbacks.get(), "each lost race rolls its transaction back");
        assertEquals(Optional.empty(), store.findUserByUserHandle(bobHandle));
        assertEquals(Optional.empty(), store.findUserByUsername("bob"));
        assertEquals(Optional.empty(), store.findPasskey(bobPasskey.credentialId()));
        assertEquals(Optional.of(alicePasskey), store.findPasskey(alicePasskey.credentialId()));
        assertEquals(1, count("PASSKEY_USER"));
        assertEquals(1, count("PASSKEY_CREDENTIAL"));

        // and the racing store still works for keys that are free
        assertTrue(racing.createUser(user("bob", bobHandle), bobPasskey));
    }

    @Test
    void rejectsInconsistentOrOversizedValues() {
        ByteArray handle = bytes(64);
        assertThrows(IllegalArgumentException.class,
                () -> store.createUser(user("alice", handle), passkey(bytes(64), bytes(16), T0)));
        assertThrows(IllegalArgumentException.class,
                () -> store.createUser(user("x".repeat(256), handle), passkey(handle, bytes(16), T0)));
        assertThrows(IllegalArgumentException.class,
                () -> store.createUser(user("alice", bytes(65)), passkey(handle, bytes(16), T0)));
        assertThrows(IllegalArgumentException.class,
                () -> store.createUser(user("alice", handle), passkey(handle, bytes(1024), T0)));
        assertThrows(IllegalArgumentException.class, () -> store.createUser(user("alice", handle),
                withPublicKey(passkey(handle, bytes(16), T0), bytes(3001))));
        assertThrows(IllegalArgumentException.class, () -> store.createUser(user("alice", handle),
                withLabel(passkey(handle, bytes(16), T0), "x".repeat(129))));
        assertEquals(0, count("PASSKEY_USER"));

        // a passkey for a user who does not exist
        assertThrows(IllegalArgumentException.class, () -> store.addPasskey(passkey(bytes(64), bytes(16), T0)));
        assertEquals(0, count("PASSKEY_CREDENTIAL"));
    }

    // ---- reading passkeys -----------------------------------------------------------------------

    @Test
    void listsPasskeysOldestFirst() {
        ByteArray handle = bytes(64);
        StoredPasskey middle = passkey(handle, bytes(16), T0.plusSeconds(60));
        StoredPasskey newest = passkey(handle, bytes(16), T0.plus(Duration.ofDays(3)));
        StoredPasskey oldest = passkey(handle, bytes(16), T0);
        assertTrue(store.createUser(user("alice", handle), middle));
        assertTrue(store.addPasskey(newest));
        assertTrue(store.addPasskey(oldest));
        ByteArray otherHandle = bytes(64);
        assertTrue(store.createUser(user("bob", otherHandle), passkey(otherHandle, bytes(16), T0.minusSeconds(1))));

        assertEquals(List.of(oldest, middle, newest), store.findPasskeys(handle));
    }

    @Test
    void largeCredentialIdAndPublicKeyRoundTrip() {
        ByteArray handle = bytes(64);
        ByteArray longId = bytes(1023);
        StoredPasskey big = withPublicKey(passkey(handle, longId, T0), bytes(3000));
        big = new StoredPasskey(big.credentialId(), big.userHandle(), big.publicKeyCose(), 4294967295L,
                Set.of("usb", "nfc", "ble", "smart-card", "hybrid", "internal"), big.aaguid(), false, false, false,
                "packed", "ü".repeat(128), big.createdAt(), T0.plusSeconds(1));
        assertTrue(store.createUser(user("alice", handle), big));

        assertEquals(Optional.of(big), store.findPasskey(longId));
        assertEquals(List.of(big), store.findPasskeys(handle));
        // a prefix of the long ID is another credential
        assertEquals(Optional.empty(), store.findPasskey(new ByteArray(java.util.Arrays.copyOf(longId.getBytes(), 1022))));
    }

    @Test
    void nullableColumnsRoundTrip() {
        ByteArray handle = bytes(64);
        StoredPasskey bare = new StoredPasskey(bytes(16), handle, bytes(77), 0, Set.of(), null, false, false, false,
                null, "", T0, null);
        assertTrue(store.createUser(user("alice", handle), bare));
        assertEquals(Optional.of(bare), store.findPasskey(bare.credentialId()));
    }

    @Test
    void discoverableRoundTripsAsTrueFalseOrNotKnownOnEveryReadPath() {
        ByteArray handle = bytes(64);
        StoredPasskey known = withDiscoverable(passkey(handle, bytes(16), T0), true);
        StoredPasskey notDiscoverable = withDiscoverable(passkey(handle, bytes(20), T0.plusSeconds(1)), false);
        StoredPasskey notSaid = passkey(handle, bytes(32), T0.plusSeconds(2));
        assertTrue(store.createUser(user("alice", handle), known));
        assertTrue(store.addPasskey(notDiscoverable));
        assertTrue(store.addPasskey(notSaid));

        assertEquals(List.of(known, notDiscoverable, notSaid), store.findPasskeys(handle));
        assertEquals(Boolean.FALSE, store.findPasskey(notDiscoverable.credentialId()).orElseThrow().discoverable());
        assertEquals(Boolean.TRUE, store.findPasskeyWithOwner(known.credentialId()).orElseThrow().passkey().discoverable());
        assertEquals(Boolean.FALSE,
                store.findPasskeyWithOwner(notDiscoverable.credentialId()).orElseThrow().passkey().discoverable());
        assertEquals(null, store.findPasskeyWithOwner(notSaid.credentialId()).orElseThrow().passkey().discoverable());
    }

    @Test
    void tablesAndColumnsHaveTheDocumentedNamesAndEncodings() throws Exception {
        ByteArray handle = bytes(64);
        StoredPasskey first = passkey(handle, bytes(1023), T0);
        assertTrue(store.createUser(user("alice", handle), first));

        try (Connection c = fixture.jdbc(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM PASSKEY_USER ORDER BY USERNAME")) {
                assertEquals(Set.of("USER_HANDLE", "USERNAME", "DISPLAY_NAME", "CREATED_AT", "VOUCHED_BY", "STORE_SCOPE"),
                        columns(rs));
                assertTrue(rs.next());
                assertEquals(base64Url(handle.getBytes()), rs.getString("USER_HANDLE"));
                assertEquals(86, rs.getString("USER_HANDLE").length());
                assertEquals("alice", rs.getString("USERNAME"));
                assertEquals(StoreFixture.SCOPE, rs.getString("STORE_SCOPE"));
                assertEquals(LocalDateTime.ofInstant(T0.minusSeconds(3600), ZoneOffset.UTC),
                        rs.getObject("CREATED_AT", LocalDateTime.class), "instants are stored as UTC wall time");
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM PASSKEY_CREDENTIAL ORDER BY CREDENTIAL_ID")) {
                assertEquals(Set.of("CREDENTIAL_KEY", "CREDENTIAL_ID", "USER_HANDLE", "PUBLIC_KEY_COSE",
                        "SIGNATURE_COUNT", "TRANSPORTS", "AAGUID", "BACKUP_ELIGIBLE", "BACKED_UP", "UV_INITIALIZED",
                        "ATTESTATION_FORMAT", "LABEL", "CREATED_AT", "LAST_USED_AT", "LAST_CHALLENGE_HASH", "DISCOVERABLE"),
                        columns(rs));
                assertTrue(rs.next());
                byte[] id = first.credentialId().getBytes();
                assertEquals(base64Url(MessageDigest.getInstance("SHA-256").digest(id)), rs.getString("CREDENTIAL_KEY"));
                assertEquals(43, rs.getString("CREDENTIAL_KEY").length());
                assertEquals(base64Url(id), rs.getString("CREDENTIAL_ID"));
                assertEquals(1364, rs.getString("CREDENTIAL_ID").length());
                assertEquals(base64Url(handle.getBytes()), rs.getString("USER_HANDLE"));
                assertArrayEquals(first.publicKeyCose().getBytes(),
                        Base64.getUrlDecoder().decode(rs.getString("PUBLIC_KEY_COSE")));
                assertEquals("hybrid,internal", rs.getString("TRANSPORTS"));
                assertTrue(rs.getBoolean("BACKUP_ELIGIBLE"));
                assertEquals(0, rs.getLong("SIGNATURE_COUNT"));
                assertEquals(LocalDateTime.ofInstant(T0, ZoneOffset.UTC), rs.getObject("CREATED_AT", LocalDateTime.class));
                assertNull(rs.getObject("LAST_USED_AT"));
                assertNull(rs.getObject("LAST_CHALLENGE_HASH"));
                assertFalse(rs.next());
            }
        }
    }

    // ---- sign-ins -------------------------------------------------------------------------------

    @Test
    void findsAPasskeyWithItsOwnerInOneReadAndNothingForAnUnknownId() {
        ByteArray handle = bytes(64);
        PasskeyUser alice = user("alice", handle);
        StoredPasskey first = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(alice, first));

        assertEquals(Optional.of(new PasskeyCredentialStore.OwnedPasskey(first, alice)),
                store.findPasskeyWithOwner(first.credentialId()));
        assertEquals(Optional.empty(), store.findPasskeyWithOwner(bytes(32)));
    }

    /**
     * The row is found by the hash of the credential ID; a row whose full ID differs (a hash
     * collision, or a row edited by hand) is not this passkey, and a passkey whose owner row is
     * gone has nobody to sign in.
     */
    @Test
    void findsNoOwnedPasskeyWhenTheFullIdDiffersOrTheOwnerIsGone() throws SQLException {
        ByteArray handle = bytes(64);
        StoredPasskey first = passkey(handle, bytes(32), T0);
        StoredPasskey second = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", handle), first));
        assertTrue(store.addPasskey(second));

        try (Connection c = fixture.jdbc(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE PASSKEY_CREDENTIAL SET CREDENTIAL_ID = 'AAAA' WHERE CREDENTIAL_ID = '"
                    + base64Url(first.credentialId().getBytes()) + "'"));
        }
        assertEquals(Optional.empty(), store.findPasskeyWithOwner(first.credentialId()));
        assertEquals(Optional.empty(), store.findPasskey(first.credentialId()));
        assertTrue(store.findPasskeyWithOwner(second.credentialId()).isPresent());

        try (Connection c = fixture.jdbc(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM PASSKEY_USER"));
        }
        assertEquals(Optional.empty(), store.findPasskeyWithOwner(second.credentialId()));
        assertEquals(Optional.empty(), store.findPasskey(second.credentialId()), "a passkey without owner has no scope");
        assertEquals(2, count("PASSKEY_CREDENTIAL"), "the passkey rows themselves are still there");
    }

    @Test
    void recordSignInAcceptsOnlyIncreasingCounts() {
        ByteArray handle = bytes(64);
        StoredPasskey p = withCount(passkey(handle, bytes(32), T0), 5);
        assertTrue(store.createUser(user("alice", handle), p));
        Instant first = T0.plusSeconds(100);

        assertTrue(store.recordSignIn(p.credentialId(), 6, false, first, bytes(32)));
        StoredPasskey after = store.findPasskey(p.credentialId()).orElseThrow();
        assertEquals(6, after.signatureCount());
        assertFalse(after.backedUp());
        assertEquals(first, after.lastUsedAt());

        assertFalse(store.recordSignIn(p.credentialId(), 6, true, T0.plusSeconds(200), bytes(32)), "equal count");
        assertFalse(store.recordSignIn(p.credentialId(), 3, true, T0.plusSeconds(200), bytes(32)), "lower count");
        assertFalse(store.recordSignIn(p.credentialId(), 0, true, T0.plusSeconds(200), bytes(32)), "count back to 0");
        assertEquals(after, store.findPasskey(p.credentialId()).orElseThrow(), "refusals change nothing");

        assertTrue(store.recordSignIn(p.credentialId(), 4294967295L, true, T0.plusSeconds(300), bytes(32)));
        assertEquals(4294967295L, store.findPasskey(p.credentialId()).orElseThrow().signatureCount());

        assertFalse(store.recordSignIn(bytes(32), 10, true, T0, bytes(32)), "unknown credential");
        assertThrows(IllegalArgumentException.class, () -> store.recordSignIn(p.credentialId(), -1, true, T0, bytes(32)));
    }

    @Test
    void recordSignInAcceptsZeroAfterZeroForSyncedPasskeys() {
        ByteArray handle = bytes(64);
        StoredPasskey synced = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", handle), synced));

        assertTrue(store.recordSignIn(synced.credentialId(), 0, false, T0.plusSeconds(1), bytes(32)));
        assertTrue(store.recordSignIn(synced.credentialId(), 0, true, T0.plusSeconds(2), bytes(32)));
        StoredPasskey after = store.findPasskey(synced.credentialId()).orElseThrow();
        assertEquals(0, after.signatureCount());
        assertTrue(after.backedUp());
        assertEquals(T0.plusSeconds(2), after.lastUsedAt());

        // an authenticator that starts counting is fine; going back to 0 afterwards is not
        assertTrue(store.recordSignIn(synced.credentialId(), 1, true, T0.plusSeconds(3), bytes(32)));
        assertFalse(store.recordSignIn(synced.credentialId(), 0, true, T0.plusSeconds(4), bytes(32)));
        assertEquals(1, store.findPasskey(synced.credentialId()).orElseThrow().signatureCount());
    }

    @Test
    void recordSignInRecordsEachCeremonyOnceWhateverTheCount() {
        ByteArray handle = bytes(64);
        StoredPasskey synced = passkey(handle, bytes(32), T0);
        StoredPasskey counting = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", handle), synced));
        assertTrue(store.addPasskey(counting));
        ByteArray first = bytes(32);
        ByteArray second = bytes(32);

        assertTrue(store.recordSignIn(synced.credentialId(), 0, false, T0.plusSeconds(1), first));
        assertFalse(store.recordSignIn(synced.credentialId(), 0, false, T0.plusSeconds(2), first), "same ceremony again");
        assertEquals(T0.plusSeconds(1), store.findPasskey(synced.credentialId()).orElseThrow().lastUsedAt());
        assertTrue(store.recordSignIn(synced.credentialId(), 0, true, T0.plusSeconds(3), second), "the next ceremony");
        assertTrue(store.recordSignIn(synced.credentialId(), 0, true, T0.plusSeconds(4), first),
                "only the last ceremony is kept: the session's single use covers older ones");

        assertTrue(store.recordSignIn(counting.credentialId(), 7, false, T0.plusSeconds(1), first), "per passkey");
        assertFalse(store.recordSignIn(counting.credentialId(), 8, false, T0.plusSeconds(2), first), "same ceremony, higher count");
        assertEquals(7, store.findPasskey(counting.credentialId()).orElseThrow().signatureCount());
        assertTrue(store.recordSignIn(counting.credentialId(), 8, false, T0.plusSeconds(3), second), "the next ceremony, higher count");
    }

    // ---- renaming and deleting ------------------------------------------------------------------

    @Test
    void renamesOnlyTheCallersOwnPasskey() {
        ByteArray alice = bytes(64);
        ByteArray bob = bytes(64);
        StoredPasskey alicePasskey = passkey(alice, bytes(32), T0);
        StoredPasskey bobPasskey = passkey(bob, bytes(32), T0);
        assertTrue(store.createUser(user("alice", alice), alicePasskey));
        assertTrue(store.createUser(user("bob", bob), bobPasskey));

        assertTrue(store.rename(alice, alicePasskey.credentialId(), "YubiKey 5C"));
        assertEquals("YubiKey 5C", store.findPasskey(alicePasskey.credentialId()).orElseThrow().label());
        assertTrue(store.rename(alice, alicePasskey.credentialId(), "YubiKey 5C"), "same label again");

        assertFalse(store.rename(alice, bobPasskey.credentialId(), "mine now"), "another user's passkey");
        assertEquals(bobPasskey.label(), store.findPasskey(bobPasskey.credentialId()).orElseThrow().label());
        assertFalse(store.rename(alice, bytes(32), "nothing"), "unknown passkey");

        assertThrows(IllegalArgumentException.class,
                () -> store.rename(alice, alicePasskey.credentialId(), "x".repeat(129)));
        assertTrue(store.rename(alice, alicePasskey.credentialId(), "x".repeat(128)));
    }

    @Test
    void deletesOnlyTheCallersOwnPasskeyAndKeepsTheLast() {
        ByteArray alice = bytes(64);
        ByteArray bob = bytes(64);
        StoredPasskey phone = passkey(alice, bytes(32), T0);
        StoredPasskey laptop = passkey(alice, bytes(32), T0.plusSeconds(1));
        StoredPasskey bobPasskey = passkey(bob, bytes(32), T0);
        assertTrue(store.createUser(user("alice", alice), phone));
        assertTrue(store.addPasskey(laptop));
        assertTrue(store.createUser(user("bob", bob), bobPasskey));

        assertEquals(DeleteOutcome.NOT_FOUND, store.delete(alice, bobPasskey.credentialId(), true));
        assertEquals(Optional.of(bobPasskey), store.findPasskey(bobPasskey.credentialId()));
        assertEquals(DeleteOutcome.NOT_FOUND, store.delete(alice, bytes(32), true));
        assertEquals(DeleteOutcome.NOT_FOUND, store.delete(bytes(64), phone.credentialId(), true), "unknown user");

        assertEquals(DeleteOutcome.DELETED, store.delete(alice, phone.credentialId(), false));
        assertEquals(List.of(laptop), store.findPasskeys(alice));
        assertEquals(Optional.empty(), store.findPasskey(phone.credentialId()));
        assertEquals(DeleteOutcome.NOT_FOUND, store.delete(alice, phone.credentialId(), false), "already gone");

        assertEquals(DeleteOutcome.LAST_PASSKEY, store.delete(alice, laptop.credentialId(), false));
        assertEquals(List.of(laptop), store.findPasskeys(alice));

        assertEquals(DeleteOutcome.DELETED, store.delete(alice, laptop.credentialId(), true));
        assertEquals(List.of(), store.findPasskeys(alice));
        assertTrue(store.findUserByUserHandle(alice).isPresent(), "the user stays");
        assertEquals(Optional.of(bobPasskey), store.findPasskey(bobPasskey.credentialId()));
    }

    // ---- transactions and failures --------------------------------------------------------------

    @Test
    void leavesNothingStaleInACallersLongerTransaction() {
        ByteArray handle = bytes(64);
        StoredPasskey p = passkey(handle, bytes(32), T0);
        assertTrue(store.createUser(user("alice", handle), p));

        // One transaction around several calls, as when a caller's own transaction is joined.
        JpaPasskeyCredentialStore raw = StoreFixture.storeOver(em);
        em.getTransaction().begin();
        try {
            assertEquals(0, raw.findPasskey(p.credentialId()).orElseThrow().signatureCount());
            assertEquals(List.of(p), raw.findPasskeys(handle));
            assertTrue(raw.recordSignIn(p.credentialId(), 7, true, T0.plusSeconds(5), bytes(32)));
            assertEquals(7, raw.findPasskey(p.credentialId()).orElseThrow().signatureCount());
            assertTrue(raw.rename(handle, p.credentialId(), "renamed"));
            assertEquals("renamed", raw.findPasskeys(handle).get(0).label());
            StoredPasskey second = passkey(handle, bytes(32), T0.plusSeconds(9));
            assertTrue(raw.addPasskey(second));
            assertEquals(DeleteOutcome.DELETED, raw.delete(handle, p.credentialId(), false));
            assertEquals(Optional.empty(), raw.findPasskey(p.credentialId()));
            assertEquals(List.of(second), raw.findPasskeys(handle));
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
        }
        assertEquals(1, store.findPasskeys(handle).size());
    }

    @Test
    void storageFailuresBecomePasskeyStoreException() throws Exception {
        assumeTrue(fixture.database == TestDatabase.H2, "one database suffices; H2 can lose a table safely");
        String url = "jdbc:h2:mem:failing_" + fixture.provider + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", "sa");
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("jakarta.persistence.schema-generation.database.action", "create");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(fixture.provider.unit, properties);
        EntityManager failingEm = emf.createEntityManager();
        try {
            PasskeyCredentialStore failing = fixture.transactional(failingEm, StoreFixture.storeOver(failingEm));
            ByteArray handle = bytes(64);
            StoredPasskey p = passkey(handle, bytes(32), T0);
            assertTrue(failing.createUser(user("alice", handle), p));

            try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE PASSKEY_CREDENTIAL");
            }

            assertThrows(PasskeyStoreException.class, () -> failing.findPasskey(p.credentialId()));
            assertThrows(PasskeyStoreException.class, () -> failing.findPasskeys(handle));
            assertThrows(PasskeyStoreException.class, () -> failing.addPasskey(passkey(handle, bytes(32), T0)),
                    "a failure is not a taken credential ID");
            ByteArray bob = bytes(64);
            assertThrows(PasskeyStoreException.class,
                    () -> failing.createUser(user("bob", bob), passkey(bob, bytes(32), T0)));
            assertThrows(PasskeyStoreException.class, () -> failing.recordSignIn(p.credentialId(), 1, true, T0, bytes(32)));
            assertThrows(PasskeyStoreException.class, () -> failing.rename(handle, p.credentialId(), "x"));
            assertThrows(PasskeyStoreException.class, () -> failing.delete(handle, p.credentialId(), true));
            assertEquals("alice", failing.findUserByUserHandle(handle).orElseThrow().username());
        } finally {
            failingEm.close();
            emf.close();
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    void concurrentDeletionsNeverRemoveTheLastPasskey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<EntityManager> ems = List.of(fixture.entityManager(), fixture.entityManager());
        try {
            List<PasskeyCredentialStore> stores = List.of(
                    fixture.transactional(ems.get(0), StoreFixture.storeOver(ems.get(0))),
                    fixture.transactional(ems.get(1), StoreFixture.storeOver(ems.get(1))));
            for (int round = 0; round < 8; round++) {
                ByteArray handle = bytes(64);
                StoredPasskey a = passkey(handle, bytes(32), T0);
                StoredPasskey b = passkey(handle, bytes(32), T0.plusSeconds(1));
                assertTrue(store.createUser(user("user" + round, handle), a));
                assertTrue(store.addPasskey(b));

                CountDownLatch start = new CountDownLatch(1);
                List<Future<DeleteOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    PasskeyCredentialStore s = stores.get(i);
                    ByteArray id = (i == 0 ? a : b).credentialId();
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return s.delete(handle, id, false);
                    }));
                }
                start.countDown();
                Set<DeleteOutcome> results = new LinkedHashSet<>();
                for (Future<DeleteOutcome> outcome : outcomes) {
                    results.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertEquals(Set.of(DeleteOutcome.DELETED, DeleteOutcome.LAST_PASSKEY), results, "round " + round);
                assertEquals(1, store.findPasskeys(handle).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
            ems.forEach(EntityManager::close);
        }
    }

    /**
     * A replayed assertion carries the signature count of the original: when both reach the
     * store at once, on separate connections, exactly one may count.
     */
    @Test
    void concurrentSignInsWithTheSameCountAcceptExactlyOne() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<EntityManager> ems = new ArrayList<>();
        try {
            List<PasskeyCredentialStore> stores = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EntityManager threadEm = fixture.entityManager();
                ems.add(threadEm);
                stores.add(fixture.transactional(threadEm, StoreFixture.storeOver(threadEm)));
            }
            for (int round = 0; round < 5; round++) {
                ByteArray handle = bytes(64);
                StoredPasskey p = passkey(handle, bytes(32), T0);
                assertTrue(store.createUser(user("replayed" + round, handle), p));
                long count = 7 + round;

                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (PasskeyCredentialStore s : stores) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return s.recordSignIn(p.credentialId(), count, false, T0.plusSeconds(count), bytes(32));
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> result : results) {
                    accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, accepted, "round " + round);
                assertEquals(count, store.findPasskey(p.credentialId()).orElseThrow().signatureCount(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
            ems.forEach(EntityManager::close);
        }
    }

    @Test
    void concurrentSignInsNeverLowerTheCount() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<EntityManager> ems = new ArrayList<>();
        try {
            List<PasskeyCredentialStore> stores = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EntityManager threadEm = fixture.entityManager();
                ems.add(threadEm);
                stores.add(fixture.transactional(threadEm, StoreFixture.storeOver(threadEm)));
            }
            for (int round = 0; round < 5; round++) {
                ByteArray handle = bytes(64);
                StoredPasskey p = passkey(handle, bytes(32), T0);
                assertTrue(store.createUser(user("user" + round, handle), p));

                List<Long> counts = new ArrayList<>();
                for (long n = 1; n <= 12; n++) {
                    counts.add(n);
                }
                Collections.shuffle(counts, RANDOM);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < counts.size(); i++) {
                    PasskeyCredentialStore s = stores.get(i % threads);
                    long n = counts.get(i);
                    Callable<Boolean> signIn = () -> {
                        start.await();
                        synchronized (s) { // one transaction at a time per entity manager
                            return s.recordSignIn(p.credentialId(), n, false, T0.plusSeconds(n), bytes(32));
                        }
                    };
                    results.add(pool.submit(signIn));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> result : results) {
                    accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                StoredPasskey after = store.findPasskey(p.credentialId()).orElseThrow();
                assertEquals(12, after.signatureCount(), "round " + round);
                assertEquals(T0.plusSeconds(12), after.lastUsedAt(), "round " + round);
                assertTrue(accepted >= 1, "round " + round);
            }
        } finally {
            pool.shutdownNow();
            ems.forEach(EntityManager::close);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The collation of PASSKEY_USER.USERNAME, as {@code SHOW CREATE TABLE} would show it (MariaDB). */
    private String usernameCollation() throws SQLException {
        try (Connection c = fixture.jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND UPPER(TABLE_NAME) = 'PASSKEY_USER' AND UPPER(COLUMN_NAME) = 'USERNAME'")) {
            assertTrue(rs.next(), "no USERNAME column");
            return rs.getString(1);
        }
    }

    /** How many rows the database itself finds for {@code username}, by its collation. */
    private long countUsernamesEqualTo(String username) throws SQLException {
        try (Connection c = fixture.jdbc();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM PASSKEY_USER WHERE USERNAME = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String table) {
        try (Connection c = fixture.jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> columns(ResultSet rs) throws java.sql.SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT));
        }
        return names;
    }

    static ByteArray bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return new ByteArray(bytes);
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static PasskeyUser user(String username, ByteArray handle) {
        return new PasskeyUser(username, username + " (display)", handle, T0.minusSeconds(3600), "org.example.StaffDirectory");
    }

    static StoredPasskey passkey(ByteArray handle, ByteArray credentialId, Instant createdAt) {
        return new StoredPasskey(credentialId, handle, bytes(77), 0, Set.of("internal", "hybrid"),
                "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", true, true, true, "none", "Passkey " + createdAt,
                createdAt, null);
    }

    static StoredPasskey withPublicKey(StoredPasskey p, ByteArray key) {
        return new StoredPasskey(p.credentialId(), p.userHandle(), key, p.signatureCount(), p.transports(), p.aaguid(),
                p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(), p.label(), p.createdAt(),
                p.lastUsedAt());
    }

    static StoredPasskey withLabel(StoredPasskey p, String label) {
        return new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), p.signatureCount(),
                p.transports(), p.aaguid(), p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(),
                label, p.createdAt(), p.lastUsedAt());
    }

    static StoredPasskey withDiscoverable(StoredPasskey p, Boolean discoverable) {
        return new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), p.signatureCount(), p.transports(),
                p.aaguid(), p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(), p.label(),
                p.createdAt(), p.lastUsedAt(), discoverable);
    }

    static StoredPasskey withCount(StoredPasskey p, long count) {
        return new StoredPasskey(p.credentialId(), p.userHandle(), p.publicKeyCose(), count, p.transports(),
                p.aaguid(), p.backupEligible(), p.backedUp(), p.uvInitialized(), p.attestationFormat(), p.label(),
                p.createdAt(), p.lastUsedAt());
    }
}
