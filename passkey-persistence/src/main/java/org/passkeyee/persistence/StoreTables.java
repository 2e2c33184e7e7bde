package org.passkeyee.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the store's two tables are there already, so that the JPA provider is asked to create
 * them only when they are not: asked anyway, Hibernate logs a warning with a stack trace for each
 * existing table at every deployment.
 */
final class StoreTables {

    static final String USERS = "PASSKEY_USER";
    static final String CREDENTIALS = "PASSKEY_CREDENTIAL";

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
