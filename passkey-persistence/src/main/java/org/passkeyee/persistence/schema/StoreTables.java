package org.passkeyee.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the store's two tables are there already, so that the JPA provider is asked to create
 * them only when they are not (asked anyway, Hibernate logs a warning with a stack trace for each
 * existing table at every deployment), and the upgrade of tables of an earlier schema version
 * (see {@link Upgrade}). Public for the store's {@code jpa} package, which
 * opens the store; not API.
 */
public final class StoreTables {

    static final String USERS = "PASSKEY_USER";
    static final String CREDENTIALS = "PASSKEY_CREDENTIAL";
    /** The newest schema version, as the scripts of META-INF/sql create it. */
    public static final int SCHEMA_VERSION = 5;
    /** The schema version that gave every account a store scope. */
    public static final int SCOPE_VERSION = 5;
    /** Where an upgrade statement takes the store scope of the application that runs it. */
    static final String SCOPE_PARAMETER = "?";

    /**
     * What one schema version changed, and the statements (in {@link #script()}) that bring tables
     * of the version before to it: each version so far added a column, whose absence tells that
     * the upgrade is due.
     *
     * @param version    the schema version
     * @param table      the table that gained the column
     * @param column     the column's name
     * @param statements the statements, in order; {@value #SCOPE_PARAMETER} stands for the store
     *                   scope of the application that runs them
     */
    public record Upgrade(int version, String table, String column, List<String> statements) {

        /** Copies the statements. */
        public Upgrade {
            statements = List.copyOf(statements);
        }

        /** The upgrade script under {@code META-INF/sql} that holds {@link #statements()}. */
        public String script() {
            return "passkey-upgrade-" + (version - 1) + "-to-" + version + ".sql";
        }
    }

    /**
     * Version 2: the challenge of a passkey's last sign-in; version 3: the store that vouched for
     * an account; version 4: whether a passkey is discoverable; version 5: the store scope, the
     * accounts there were given to the application that upgrades, and usernames unique per scope
     * instead of in the whole table.
     */
    static final List<Upgrade> UPGRADES = List.of(
            added(2, CREDENTIALS, "LAST_CHALLENGE_HASH", "VARCHAR(43)"),
            added(3, USERS, "VOUCHED_BY", "VARCHAR(255)"),
            added(4, CREDENTIALS, "DISCOVERABLE", "BOOLEAN"),
            new Upgrade(5, USERS, "STORE_SCOPE", List.of(
                    "ALTER TABLE " + USERS + " ADD STORE_SCOPE VARCHAR(255)",
                    "UPDATE " + USERS + " SET STORE_SCOPE = " + SCOPE_PARAMETER + " WHERE STORE_SCOPE IS NULL",
                    "ALTER TABLE " + USERS + " DROP CONSTRAINT PASSKEY_USER_USERNAME_UQ",
                    "ALTER TABLE " + USERS + " ADD CONSTRAINT PASSKEY_USER_SCOPE_USERNAME_UQ UNIQUE (STORE_SCOPE, USERNAME)")));

    private static Upgrade added(int version, String table, String column, String type) {
        return new Upgrade(version, table, column, List.of("ALTER TABLE " + table + " ADD " + column + " " + type));
    }

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
     * The upgrades that existing tables lack, oldest first; empty when the tables are missing
     * (they will be created whole) or the database cannot tell now.
     */
    public static List<Upgrade> missingUpgrades(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return missingUpgrades(connection.getMetaData());
        } catch (SQLException | RuntimeException cannotTell) {
            return List.of();
        }
    }

    /**
     * Brings existing tables to the newest schema version: runs each missing upgrade in turn.
     *
     * @param scope the store scope of the application that upgrades: the accounts stored before
     *              version 5 become its own
     * @return the upgrades run
     * @throws SQLException when an upgrade fails (the caller says how to run it by hand)
     */
    public static List<Upgrade> upgrade(DataSource dataSource, String scope) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Upgrade> missing = missingUpgrades(connection.getMetaData());
            for (Upgrade upgrade : missing) {
                for (String sql : upgrade.statements()) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        if (sql.contains(SCOPE_PARAMETER)) {
                            statement.setString(1, scope);
                        }
                        statement.executeUpdate();
                    }
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            return missing;
        }
    }

    private static List<Upgrade> missingUpgrades(DatabaseMetaData metaData) throws SQLException {
        List<Upgrade> missing = new ArrayList<>();
        for (Upgrade upgrade : UPGRADES) {
            if (exists(metaData, upgrade.table()) && !hasColumn(metaData, upgrade.table(), upgrade.column())) {
                missing.add(upgrade);
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
