package org.passkeyee.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on. H2 (in memory) always; PostgreSQL and MariaDB when a local
 * server answers on its standard port (as on the project's machines). Where none answers, the
 * tests on it are skipped, and reported as skipped ({@link #requireReachable}), except with the
 * environment variable {@code CI=true}: there every database must be reached, and a test on one
 * that is not fails. Each test run works in scratch schemas/databases of its own, named after the
 * process ID, and drops them afterwards.
 */
public enum TestDatabase {

    H2("jdbc:h2:mem:passkeyee_probe", "sa", "/META-INF/sql/passkey-h2.sql"),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3", "postgres",
            "/META-INF/sql/passkey-postgresql.sql"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000", "root", "/META-INF/sql/passkey-mariadb.sql");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String adminUrl;
    private final String user;
    private final String script;
    private Boolean available;

    TestDatabase(String adminUrl, String user, String script) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.script = script;
    }

    synchronized boolean available() {
        if (available == null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, "")) {
                available = c.isValid(3);
            } catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }

    /**
     * Returns if this database answers; otherwise aborts the calling test (JUnit reports it
     * skipped), or fails it when {@code CI=true}.
     */
    public void requireReachable() {
        if (available()) {
            return;
        }
        String missing = this + " is not reachable (" + adminUrl + ", user " + user + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + ", and CI=true: no test may skip a database there");
        }
        Assumptions.abort(missing + ": skipped");
    }

    public String script() {
        return script;
    }

    /** A new, empty schema (PostgreSQL), database (MariaDB) or in-memory database (H2). */
    public Scratch createScratch() {
        String name = "passkeyee_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        try {
            switch (this) {
                case H2:
                    return new Scratch(this, name,
                            "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", user);
                case POSTGRESQL:
                    admin("CREATE SCHEMA " + name);
                    return new Scratch(this, name, "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name,
                            user);
                case MARIADB:
                    admin("CREATE DATABASE " + name);
                    return new Scratch(this, name, "jdbc:mariadb://127.0.0.1:3306/" + name, user);
                default:
                    throw new IllegalStateException();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a scratch area on " + this, e);
        }
    }

    void drop(Scratch scratch) {
        try {
            switch (this) {
                case H2 -> scratch.execute("SHUTDOWN");
                case POSTGRESQL -> admin("DROP SCHEMA " + scratch.name() + " CASCADE");
                case MARIADB -> admin("DROP DATABASE " + scratch.name());
                default -> throw new IllegalStateException();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop " + scratch.name() + " on " + this, e);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The statements of a DDL script of this module: comments dropped, split at semicolons. */
    public static List<String> statements(String resource) {
        String text;
        try (InputStream in = TestDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    /** A schema or database that belongs to one test fixture. */
    public record Scratch(TestDatabase database, String name, String url, String user) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        public void execute(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        public void runScript() throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (String statement : statements(database.script())) {
                    s.execute(statement);
                }
            }
        }

        public void drop() {
            database.drop(this);
        }
    }
}
