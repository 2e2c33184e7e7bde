package org.passkeyee.persistence.jpa;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work on a connection of the store's datasource. On a server, a connection of the JTA
 * datasource: inside a transaction the server enlists it (and hands the JPA provider the same
 * physical connection), outside one it commits each statement by itself. In the store's tests,
 * the resource-local entity manager's own connection. Public for the store's top package; not
 * API.
 */
public interface StoreConnections {

    /** Work on one connection; the connection is not to be closed by it. */
    @FunctionalInterface
    interface Work<T> {
        /** The work's result, from statements on {@code connection}. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a connection, closed afterwards. */
    <T> T run(Work<T> work) throws SQLException;
}
