package org.passkeyee.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work on a connection of the store's datasource. On a server, a connection of the JTA
 * datasource: inside a transaction the server enlists it (and hands the JPA provider the same
 * physical connection), outside one it commits each statement by itself. In the store's tests,
 * the resource-local entity manager's own connection.
 */
interface StoreConnections {

    /** Work on one connection; the connection is not to be closed by it. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T run(Work<T> work) throws SQLException;
}
