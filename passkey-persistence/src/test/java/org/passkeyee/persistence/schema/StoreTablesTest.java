package org.passkeyee.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
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
            assertEquals(List.of(), StoreTables.missingColumns(dataSource), "no tables: nothing to upgrade");
            scratch.runScript();
            assertEquals(List.of(), StoreTables.missingColumns(dataSource), "the newest version as the script creates it");
            scratch.execute("ALTER TABLE PASSKEY_CREDENTIAL DROP COLUMN LAST_CHALLENGE_HASH");
            scratch.execute("ALTER TABLE PASSKEY_USER DROP COLUMN VOUCHED_BY");
            scratch.execute("ALTER TABLE PASSKEY_CREDENTIAL DROP COLUMN DISCOVERABLE");
            assertEquals(StoreTables.ADDED_COLUMNS, StoreTables.missingColumns(dataSource), "version 1");

            assertEquals(StoreTables.ADDED_COLUMNS, StoreTables.upgrade(dataSource));

            assertEquals(List.of(), StoreTables.missingColumns(dataSource), "upgraded");
            assertEquals(List.of(), StoreTables.upgrade(dataSource), "nothing left to do");
            scratch.execute("UPDATE PASSKEY_CREDENTIAL SET LAST_CHALLENGE_HASH = NULL");
            scratch.execute("UPDATE PASSKEY_USER SET VOUCHED_BY = NULL");
            scratch.execute("UPDATE PASSKEY_CREDENTIAL SET DISCOVERABLE = NULL");
        } finally {
            scratch.drop();
        }
    }

    @Test
    void upgradeScriptsShippedForAdministratorsAreTheStatementsTheStoreRuns() throws java.io.IOException {
        for (StoreTables.AddedColumn column : StoreTables.ADDED_COLUMNS) {
            try (java.io.InputStream script = StoreTables.class.getResourceAsStream("/META-INF/sql/" + column.script())) {
                String text = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text.contains("\n" + column.statement() + ";\n"), text);
            }
        }
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
