package org.passkeyee.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passkeyee.persistence.TestDatabase;

/** The check that spares the JPA provider creating tables that exist (and logging that they do). */
class StoreTablesTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void presentOnlyOnceTheScriptCreatedBothTables(TestDatabase database) throws SQLException {
        database.requireReachable();
        TestDatabase.Scratch scratch = database.createScratch();
        try {
            DataSource dataSource = dataSource(scratch);
            assertFalse(StoreTables.present(dataSource), "empty database");
            scratch.runScript();
            assertTrue(StoreTables.present(dataSource), "after " + database.script());
            scratch.execute("DROP TABLE PASSKEY_CREDENTIAL");
            assertFalse(StoreTables.present(dataSource), "one table missing");
        } finally {
            scratch.drop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tablesOfSchemaVersion1ThenUpgradedOnceToTheNewestVersion(TestDatabase database) throws SQLException {
        database.requireReachable();
        TestDatabase.Scratch scratch = database.createScratch();
        try {
            DataSource dataSource = dataSource(scratch);
            assertEquals(List.of(), StoreTables.missingUpgrades(dataSource), "no tables: nothing to upgrade");
            scratch.runScript();
            assertEquals(List.of(), StoreTables.missingUpgrades(dataSource), "the newest version as the script creates it");
            downgradeToVersion1(scratch);
            assertEquals(StoreTables.UPGRADES, StoreTables.missingUpgrades(dataSource), "version 1");

            assertEquals(StoreTables.UPGRADES, StoreTables.upgrade(dataSource, "example.com/shop"));

            assertEquals(List.of(), StoreTables.missingUpgrades(dataSource), "upgraded");
            assertEquals(List.of(), StoreTables.upgrade(dataSource, "example.com/other"), "nothing left to do");
            scratch.execute("UPDATE PASSKEY_CREDENTIAL SET LAST_CHALLENGE_HASH = NULL");
            scratch.execute("UPDATE PASSKEY_USER SET VOUCHED_BY = NULL");
            scratch.execute("UPDATE PASSKEY_CREDENTIAL SET DISCOVERABLE = NULL");
        } finally {
            scratch.drop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void accountsOfVersion4WhenUpgradedThenTheUpgradingApplicationsAndNamesUniquePerScope(TestDatabase database)
            throws SQLException {
        database.requireReachable();
        TestDatabase.Scratch scratch = database.createScratch();
        try {
            scratch.runScript();
            downgradeToVersion1(scratch);
            scratch.execute(insertUser("h1", "jdoe", null));

            StoreTables.upgrade(dataSource(scratch), "example.com/shop");

            try (Connection connection = scratch.connect(); Statement query = connection.createStatement();
                 ResultSet row = query.executeQuery("SELECT STORE_SCOPE FROM PASSKEY_USER WHERE USER_HANDLE = 'h1'")) {
                assertTrue(row.next());
                assertEquals("example.com/shop", row.getString(1), "the upgrading application's");
            }
            scratch.execute(insertUser("h2", "jdoe", "'example.com/backoffice'"));
            assertThrows(SQLException.class, () -> scratch.execute(insertUser("h3", "jdoe", "'example.com/shop'")),
                    "a name is unique within its scope");
        } finally {
            scratch.drop();
        }
    }

    @Test
    void upgradeScriptsShippedForAdministratorsAreTheStatementsTheStoreRuns() throws java.io.IOException {
        for (StoreTables.Upgrade upgrade : StoreTables.UPGRADES) {
            try (java.io.InputStream script = StoreTables.class.getResourceAsStream("/META-INF/sql/" + upgrade.script())) {
                String text = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (String statement : upgrade.statements()) {
                    String asShipped = statement.replace(StoreTables.SCOPE_PARAMETER, "<store scope>");
                    assertTrue(text.contains("\n" + asShipped + ";\n"), upgrade.script() + " lacks " + asShipped);
                }
            }
        }
    }

    /** Tables as schema version 1 had them: without the columns later versions added, usernames unique in the table. */
    private static void downgradeToVersion1(TestDatabase.Scratch scratch) throws SQLException {
        scratch.execute("ALTER TABLE PASSKEY_CREDENTIAL DROP COLUMN LAST_CHALLENGE_HASH");
        scratch.execute("ALTER TABLE PASSKEY_USER DROP COLUMN VOUCHED_BY");
        scratch.execute("ALTER TABLE PASSKEY_CREDENTIAL DROP COLUMN DISCOVERABLE");
        scratch.execute("ALTER TABLE PASSKEY_USER DROP CONSTRAINT PASSKEY_USER_SCOPE_USERNAME_UQ");
        scratch.execute("ALTER TABLE PASSKEY_USER DROP COLUMN STORE_SCOPE");
        scratch.execute("ALTER TABLE PASSKEY_USER ADD CONSTRAINT PASSKEY_USER_USERNAME_UQ UNIQUE (USERNAME)");
    }

    private static String insertUser(String handle, String username, String scope) {
        return "INSERT INTO PASSKEY_USER (USER_HANDLE, USERNAME, DISPLAY_NAME, CREATED_AT" + (scope == null ? "" : ", STORE_SCOPE")
                + ") VALUES ('" + handle + "', '" + username + "', 'J. Doe', TIMESTAMP '2026-01-01 00:00:00'"
                + (scope == null ? "" : ", " + scope) + ")";
    }

    @Test
    void presentWhenTheDatabaseDoesNotAnswerThenFalse() {
        DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new SQLException("Connection refused");
                });

        assertFalse(StoreTables.present(down));
    }

    private static DataSource dataSource(TestDatabase.Scratch scratch) {
        return (DataSource) Proxy.newProxyInstance(StoreTablesTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return scratch.connect();
                    }
                    throw new SQLException("not needed here: " + method.getName());
                });
    }
}
