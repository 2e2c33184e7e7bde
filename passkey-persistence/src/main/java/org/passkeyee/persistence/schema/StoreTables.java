package org.passkeyee.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the store's two tables are there already, so that the JPA provider is asked to create
 * them only when they are not (asked anyway, Hibernate logs a warning with a stack trace for each
 * existing table at every deployment), and the upgrade of tables of an earlier schema version
 * (each version so far added one column). Public for the store's {@code jpa} package, which
 * opens the store; not API.
 */
public final class StoreTables {

    static final String USERS = "PASSKEY_USER";
    static final String CREDENTIALS = "PASSKEY_CREDENTIAL";
    /** The newest schema version, as the scripts of META-INF/sql create it. */
    public static final int SCHEMA_VERSION = 4;

    /**
     * A column a schema version added, and the statement (in {@link #script()}) that adds it to
     * tables of the version before.
     *
     * @param version the schema version that added it
     * @param table   its table
     * @param column  its name
     * @param type    its SQL type
     */
    public record AddedColumn(int version, String table, String column, String type) {

        /** The {@code ALTER TABLE} that adds it. */
        public String statement() {
            return "ALTER TABLE " + table + " ADD " + column + " " + type;
        }

        /** The upgrade script under {@code META-INF/sql} that holds {@link #statement()}. */
        public String script() {
            return "passkey-upgrade-" + (version - 1) + "-to-" + version + ".sql";
        }
    }

    /**
     * Version 2: the challenge of a passkey's last sign-in; version 3: the store that vouched for
     * an account; version 4: whether a passkey is discoverable.
     */
    static final List<AddedColumn> ADDED_COLUMNS = List.of(
            new AddedColumn(2, CREDENTIALS, "LAST_CHALLENGE_HASH", "VARCHAR(43)"),
            new AddedColumn(3, USERS, "VOUCHED_BY", "VARCHAR(255)"),
            new AddedColumn(4, CREDENTIALS, "DISCOVERABLE", "BOOLEAN"));

    private StoreTables() {
    }

    /** {@code true} if both tables exist; {@code false} if one is missing or the database cannot tell now. */
    public static boolean present(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return exists(metaData, USERS) && exists(metaData, CREDENTIALS);
        } catch (SQLException | RuntimeException cannotTell) {
            return false;
        }
    }

    /**
     * The columns of later schema versions that existing tables lack, oldest first; empty when
     * the tables are missing (they will be created whole) or the database cannot tell now.
     */
    public static List<AddedColumn> missingColumns(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return missingColumns(connection.getMetaData());
        } catch (SQLException | RuntimeException cannotTell) {
            return List.of();
        }
    }

    /**
     * Brings existing tables to the newest schema version: adds each missing column in turn.
     *
     * @return the columns added
     * @throws SQLException when a missing column cannot be added (the caller says how to add it)
     */
    public static List<AddedColumn> upgrade(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<AddedColumn> missing = missingColumns(connection.getMetaData());
            for (AddedColumn column : missing) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(column.statement());
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            return missing;
        }
    }

    private static List<AddedColumn> missingColumns(DatabaseMetaData metaData) throws SQLException {
        List<AddedColumn> missing = new ArrayList<>();
        for (AddedColumn column : ADDED_COLUMNS) {
            if (exists(metaData, column.table()) && !hasColumn(metaData, column.table(), column.column())) {
                missing.add(column);
            }
        }
        return missing;
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
