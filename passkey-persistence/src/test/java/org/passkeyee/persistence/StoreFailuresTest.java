package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

    @Test
    void recognisesConstraintViolationsInTheCauseChain() {
        assertTrue(StoreFailures.isConstraintViolation(
                new PersistenceException(new RuntimeException(new SQLException("dup", "23505")))));
        assertTrue(StoreFailures.isConstraintViolation(
                new PersistenceException(new SQLIntegrityConstraintViolationException("dup"))));
        BatchUpdateException batch = new BatchUpdateException("batch", "HY000", new int[0]);
        batch.setNextException(new SQLException("dup", "23000"));
        assertTrue(StoreFailures.isConstraintViolation(new PersistenceException(batch)));

        assertFalse(StoreFailures.isConstraintViolation(
                new PersistenceException(new SQLException("no table", "42S02"))));
        assertFalse(StoreFailures.isConstraintViolation(
                new PersistenceException(new SQLException("connection", "08001"))));
        assertFalse(StoreFailures.isConstraintViolation(new PersistenceException("no cause")));
    }
}
