package org.passkeyee.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the store's two tables are there already, so that the JPA provider is asked to create
 * them only when they are not (asked anyway, Hibernate logs a warning with a stack trace for each
 * existing table at every deployment), and the upgrade of tables of an earlier schema version.
 */
final class StoreTables {

    static final String USERS = "PASSKEY_USER";
    static final String CREDENTIALS = "PASSKEY_CREDENTIAL";
    /** The column schema version 2 added, and the statement that adds it (passkey-upgrade-1-to-2.sql). */
    static final String LAST_CHALLENGE_HASH = "LAST_CHALLENGE_HASH";
    static final String UPGRADE_1_TO_2 = "ALTER TABLE " + CREDENTIALS + " ADD " + LAST_CHALLENGE_HASH + " VARCHAR(43)";

    private StoreTables() {
    }

    /** {@code true} if both tables exist; {@code false} if one is missing or the database cannot tell now. */
    static boolean present(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return exists(metaData, USERS) && exists(metaData, CREDENTIALS);
        } catch (SQLException | RuntimeException cannotTell) {
            return false;
        }
    }

    /**
     * Brings tables of schema version 1 to version 2: adds {@code LAST_CHALLENGE_HASH} when the
     * credential table exists without it.
     *
     * @return whether the table was upgraded
     * @throws SQLException when the column is missing and cannot be added (the caller says how
     *         to add it)
     */
    static boolean upgrade(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            if (!exists(metaData, CREDENTIALS) || hasColumn(metaData, CREDENTIALS, LAST_CHALLENGE_HASH)) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(UPGRADE_1_TO_2);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return true;
        }
    }

    /** Whether the credential table exists without the column of schema version 2. */
    static boolean needsUpgrade(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return exists(metaData, CREDENTIALS) && !hasColumn(metaData, CREDENTIALS, LAST_CHALLENGE_HASH);
        } catch (SQLException | RuntimeException cannotTell) {
            return false;
        }
    }

    private static boolean hasColumn(DatabaseMetaData metaData, String table, String column) throws SQLException {
        for (String tableName : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            for (String columnName : new String[] {column, column.toLowerCase(Locale.ROOT)}) {
                try (ResultSet columns = metaData.getColumns(null, null, tableName, columnName)) {
                    if (columns.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** In the case the database keeps unquoted names in: upper (H2, MariaDB as created) or lower (PostgreSQL). */
    private static boolean exists(DatabaseMetaData metaData, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
