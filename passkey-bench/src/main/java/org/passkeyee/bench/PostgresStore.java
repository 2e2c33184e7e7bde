package org.passkeyee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.passkeyee.testsupport.Base64Url;
import org.passkeyee.testsupport.Es256;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A PostgreSQL database of the benchmark's own (on the machine's server, 127.0.0.1:5432, trust
 * authentication) holding the passkey tables of the store's DDL script, bulk-loaded with
 * {@code COPY} to a given number of stored passkeys, and the Payara Micro post-boot commands that
 * point {@code jdbc/__default} (the default datasource the store uses) at it.
 */
final class PostgresStore {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String USER = "postgres";
    private static final int BATCH_ROWS = 2_000;

    private final String database;

    PostgresStore(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        this.database = database;
    }

    String database() {
        return database;
    }

    /** Drops the database if it exists and creates it with the tables of {@code ddl}. */
    void create(String ddl) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin("CREATE DATABASE " + database);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements(ddl)) {
                s.execute(statement);
            }
        }
    }

    /**
     * Adds {@code count} synthetic users with one passkey each (random user handles and
     * credential IDs, one shared public key: nobody signs in with them), with {@code COPY}, then
     * refreshes the planner's statistics.
     */
    void bulkLoad(int count) throws SQLException, IOException {
        byte[] cose = Es256.coseKey((ECPublicKey) Es256.newKeyPair().getPublic());
        String publicKey = Base64Url.encode(cose);
        SplittableRandom random = new SplittableRandom(20260115L);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder userRows = new StringBuilder();
            StringBuilder credentialRows = new StringBuilder();
            for (int i = 0; i < count; i++) {
                byte[] handleBytes = new byte[64];
                byte[] idBytes = new byte[32];
                random.nextBytes(handleBytes);
                random.nextBytes(idBytes);
                String handle = Base64Url.encode(handleBytes);
                String name = String.format("bulk-%07d", i);
                userRows.append(handle).append('\t').append(name).append('\t').append(name)
                        .append("\t2026-01-01 00:00:00\n");
                credentialRows.append(Base64Url.encode(Es256.sha256(idBytes))).append('\t')
                        .append(Base64Url.encode(idBytes)).append('\t')
                        .append(handle).append('\t')
                        .append(publicKey)
                        .append("\t0\tinternal\t00000000-0000-0000-0000-000000000000\tt\tt\tt\tnone\tbulk\t2026-01-01 00:00:00\t\\N\n");
                if ((i + 1) % BATCH_ROWS == 0 || i == count - 1) {
                    // One COPY at a time per connection: a batch of users, then their passkeys.
                    copy(pg, "PASSKEY_USER", userRows);
                    copy(pg, "PASSKEY_CREDENTIAL", credentialRows);
                    userRows.setLength(0);
                    credentialRows.setLength(0);
                }
            }
            c.commit();
        }
        analyze();
    }

    /** {@code ANALYZE} of both tables. */
    void analyze() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE PASSKEY_USER");
            s.execute("ANALYZE PASSKEY_CREDENTIAL");
        }
    }

    /** Rows in PASSKEY_CREDENTIAL. */
    long storedPasskeys() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PASSKEY_CREDENTIAL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Size of the database on disk, as PostgreSQL reports it. */
    String size() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * Writes Payara Micro's post-boot command file: a pool on this database, and the default
     * datasource {@code jdbc/__default} (behind {@code java:comp/DefaultDataSource}) moved onto it,
     * as the Arquillian tests' {@code src/test/servers/payara/datasource-postgresql.asadmin} does.
     * Payara insists on a password property; the machine's PostgreSQL trusts local connections
     * and ignores it.
     */
    Path writePostBootCommands(Path file, int maxPoolSize) throws IOException {
        String pool = "PasskeyBenchPostgres";
        String commands = "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                + " --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize " + maxPoolSize
                + " --property serverName=" + HOST + ":portNumber=" + PORT + ":databaseName=" + database
                + ":user=" + USER + ":password=unused " + pool + "\n"
                + "set resources.jdbc-resource.jdbc/__default.pool-name=" + pool + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, commands, StandardCharsets.UTF_8);
        return file;
    }

    /** One {@code COPY ... FROM STDIN} of rows in PostgreSQL's text format. */
    private static void copy(PGConnection pg, String table, StringBuilder rows) throws SQLException {
        CopyIn copy = pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, "");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/test", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The statements of a DDL script: comments dropped, split at semicolons. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
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
}
