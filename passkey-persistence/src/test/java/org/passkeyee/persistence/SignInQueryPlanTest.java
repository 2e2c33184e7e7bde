package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every SQL statement the store issues for a sign-in is served by an index on PostgreSQL, for
 * both JPA providers: the statements are captured as the provider sends them to the driver, with
 * their parameter values, and PostgreSQL's {@code EXPLAIN} of each (on tables of 20,000 passkeys,
 * analyzed) must show an index scan and no sequential scan.
 *
 * <p>The calls are those the core makes for a sign-in: it finds the passkey with its owner by
 * credential ID ({@code AuthenticationCeremony.finish}: the store's joined JDBC {@code SELECT})
 * and records the sign-in with its challenge (the conditional JDBC {@code UPDATE}, for a counting
 * and for a synced passkey); a username-first one also finds the user by name and lists their
 * passkeys ({@code getCredentialIdsForUsername}). The store's other reads by key (passkey, user)
 * are checked too. Skipped when PostgreSQL does not answer on localhost.
 */
class SignInQueryPlanTest {

    private static final int STORED = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(StoreFixture.Provider.class)
    void everySignInStatementUsesAnIndex(StoreFixture.Provider provider) throws SQLException {
        TestDatabase.POSTGRESQL.requireReachable();
        TestDatabase.Scratch scratch = TestDatabase.POSTGRESQL.createScratch();
        try {
            scratch.runScript();
            fill(scratch);
            CapturingDataSource dataSource = new CapturingDataSource(scratch.url(), scratch.user());
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("jakarta.persistence.schema-generation.database.action", "none");
            EntityManagerFactory emf = Persistence.createEntityManagerFactory(provider.unit, properties);
            try {
                EntityManager em = emf.createEntityManager();
                PasskeyCredentialStore store = new StoreFixture(provider, TestDatabase.POSTGRESQL, true)
                        .transactional(em, StoreFixture.storeOver(em));
                ByteArray handle = bytes(64);
                StoredPasskey passkey = passkey(handle, bytes(32));
                assertTrue(store.createUser(new PasskeyUser("plan-user", "Plan User", handle, Instant.now(), PasskeyUser.NO_VOUCHING_STORE), passkey));
                ByteArray synced = bytes(32);
                assertTrue(store.addPasskey(passkey(handle, synced)));

                dataSource.statements.clear();
                // Usernameless sign-in.
                assertTrue(store.findPasskeyWithOwner(passkey.credentialId()).isPresent());
                assertTrue(store.recordSignIn(passkey.credentialId(), 7, false, Instant.now(), bytes(32)));
                assertTrue(store.recordSignIn(synced, 0, true, Instant.now(), bytes(32)));
                // The same rows by the store's other reads.
                assertTrue(store.findPasskey(passkey.credentialId()).isPresent());
                assertTrue(store.findUserByUserHandle(handle).isPresent());
                // Username-first sign-in adds these.
                assertTrue(store.findUserByUsername("plan-user").isPresent());
                assertEquals(2, store.findPasskeys(handle).size());
                em.close();
            } finally {
                emf.close();
            }

            List<Captured> statements = dataSource.statements.stream().filter(Captured::touchesPasskeyTables).toList();
            assertTrue(statements.size() >= 7, () -> "too few statements captured: " + dataSource.statements);
            try (Connection c = scratch.connect()) {
                for (Captured statement : statements) {
                    String plan = explain(c, statement);
                    assertTrue(plan.contains("Index Scan") || plan.contains("Index Only Scan"),
                            () -> provider + ": no index scan for " + statement + "\n" + plan);
                    assertFalse(plan.contains("Seq Scan"), () -> provider + ": sequential scan for " + statement + "\n" + plan);
                }
            }
        } finally {
            scratch.drop();
        }
    }

    /** 20,000 users with one passkey each, then fresh planner statistics. */
    private static void fill(TestDatabase.Scratch scratch) throws SQLException {
        try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO PASSKEY_USER (USER_HANDLE, USERNAME, DISPLAY_NAME, CREATED_AT)"
                    + " SELECT md5('h' || i) || md5('h2' || i), 'user-' || i, 'User ' || i, now()"
                    + " FROM generate_series(1, " + STORED + ") AS i");
            s.execute("INSERT INTO PASSKEY_CREDENTIAL (CREDENTIAL_KEY, CREDENTIAL_ID, USER_HANDLE, PUBLIC_KEY_COSE,"
                    + " SIGNATURE_COUNT, TRANSPORTS, AAGUID, BACKUP_ELIGIBLE, BACKED_UP, UV_INITIALIZED,"
                    + " ATTESTATION_FORMAT, LABEL, CREATED_AT, LAST_USED_AT)"
                    + " SELECT left(md5('k' || i) || md5('k2' || i), 43), md5('c' || i), md5('h' || i) || md5('h2' || i),"
                    + " md5('p' || i), 0, 'internal', NULL, false, false, true, 'none', 'Key ' || i, now(), NULL"
                    + " FROM generate_series(1, " + STORED + ") AS i");
            s.execute("ANALYZE PASSKEY_USER");
            s.execute("ANALYZE PASSKEY_CREDENTIAL");
        }
    }

    /** {@code EXPLAIN} of a captured statement with its captured parameter values (not executed). */
    private static String explain(Connection c, Captured statement) throws SQLException {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + statement.sql())) {
            for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
                explain.setObject(parameter.getKey(), parameter.getValue());
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static StoredPasskey passkey(ByteArray handle, ByteArray credentialId) {
        return new StoredPasskey(credentialId, handle, bytes(77), 0, Set.of("internal"), null, false, false, true,
                "none", "Plan key", Instant.now(), null);
    }

    private static ByteArray bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return new ByteArray(bytes);
    }

    /** One prepared statement as the provider sent it: its SQL and the values bound to it. */
    record Captured(String sql, Map<Integer, Object> parameters) {

        boolean touchesPasskeyTables() {
            return sql.toUpperCase(Locale.ROOT).contains("PASSKEY_");
        }

        @Override
        public String toString() {
            return sql + " " + parameters;
        }
    }

    /**
     * A PostgreSQL data source that records every statement prepared on its connections, and the
     * values set on it ({@code setString(1, ...)}, {@code setObject(2, ...)}, {@code setNull}).
     */
    static final class CapturingDataSource implements DataSource {

        final List<Captured> statements = Collections.synchronizedList(new ArrayList<>());
        private final PGSimpleDataSource target = new PGSimpleDataSource();

        CapturingDataSource(String url, String user) {
            target.setUrl(url);
            target.setUser(user);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return capture(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return capture(target.getConnection(username, password));
        }

        private Connection capture(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                            Captured captured = new Captured(sql, Collections.synchronizedMap(new TreeMap<>()));
                            statements.add(captured);
                            return capture((PreparedStatement) result, captured);
                        }
                        return result;
                    });
        }

        private static PreparedStatement capture(PreparedStatement statement, Captured captured) {
            return (PreparedStatement) Proxy.newProxyInstance(CapturingDataSource.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                            captured.parameters().put(index, name.equals("setNull") ? null : args[1]);
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}
