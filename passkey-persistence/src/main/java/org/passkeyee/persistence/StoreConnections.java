package org.passkeyee.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work on the connection of the current transaction, the one the store's entity manager
 * would use: on a server, a connection of the store's JTA datasource (the server enlists it in
 * the transaction and hands the same physical connection to the JPA provider); in the store's
 * tests, the resource-local entity manager's own.
 */
interface StoreConnections {

    /** Work on one connection; the connection is not to be closed by it. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T run(Work<T> work) throws SQLException;
}
