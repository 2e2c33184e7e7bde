package org.passkeyee.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.passkeyee.PasskeyStoreException;

/**
 * How the store's operations turn a failure of the storage into a {@link PasskeyStoreException}
 * (a 503), and tell an insert that lost a race for a unique key (a conflict, not a failure).
 */
final class StoreFailures {

    /** Named after the store, where admins look for its messages. */
    private static final System.Logger LOG = System.getLogger(JpaPasskeyCredentialStore.class.getName());

    private StoreFailures() {
    }

    /** Runs database work, turning any failure of the storage into a {@link PasskeyStoreException}. */
    static <T> T inStore(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (PasskeyStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(action, e);
        }
    }

    /** {@code false} if an insert lost a race for a unique key, otherwise a store failure. */
    static boolean conflictOrFailure(String action, RuntimeException e) {
        if (e instanceof PasskeyStoreException storeFailure) {
            throw storeFailure;
        }
        if (isConstraintViolation(e)) {
            LOG.log(System.Logger.Level.DEBUG,
                    "Could not {0}: a concurrent transaction took the same key; the transaction rolls back", action);
            return false;
        }
        throw failure(action, e);
    }

    /** The store failure that {@code e} caused while the store tried to {@code action}. */
    static PasskeyStoreException failure(String action, Exception e) {
        return new PasskeyStoreException("Could not " + action + ": the passkey store failed", e);
    }

    /**
     * Whether an exception was caused by an integrity constraint violation: SQLSTATE class 23
     * (H2 and PostgreSQL 23505, MariaDB 23000), as both providers keep the driver's
     * {@link SQLException} in the cause chain.
     */
    static boolean isConstraintViolation(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(e);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.push(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
        }
        return false;
    }
}
