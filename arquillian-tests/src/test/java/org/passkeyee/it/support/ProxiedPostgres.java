package org.passkeyee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A PostgreSQL database of one test class's own, on the machine's server (127.0.0.1:5432, trust),
 * reached by the deployment only through a {@link TcpProxy} the test controls. {@link #addTo}
 * gives a WAR a {@code <data-source>} in {@code web.xml} on the proxy's port (driver in
 * {@code WEB-INF/lib}); {@link #STORE_PROPERTY} points the passkey store at it, as an admin
 * would. The tables come from the store's own {@code passkey-postgresql.sql}. {@link #close()}
 * drops the database.
 */
public final class ProxiedPostgres implements AutoCloseable {

    /** The application's datasource, defined in web.xml. */
    public static final String DATA_SOURCE = "java:app/jdbc/PasskeyProxied";

    /** The configuration property that keeps the passkeys in {@link #DATA_SOURCE}. */
    public static final String STORE_PROPERTY = "passkey.datasource=" + DATA_SOURCE;

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3";
    private static final String USER = "postgres";
    private static final ArchivePath WEB_XML = ArchivePaths.create("WEB-INF/web.xml");

    private final String database;
    private final TcpProxy proxy;

    private ProxiedPostgres(String database, TcpProxy proxy) {
        this.database = database;
        this.proxy = proxy;
    }

    /** Whether the machine's PostgreSQL answers. */
    public static boolean reachable() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a new database with the passkey tables, and a proxy to the server. */
    public static ProxiedPostgres create(String purpose) {
        String database = "passkeyee_" + purpose + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 100_000;
        try {
            admin("CREATE DATABASE " + database);
            try (Connection c = DriverManager.getConnection(url(database, 5432), USER, "");
                 Statement s = c.createStatement()) {
                for (String statement : ddl().split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + database, e);
        }
        return new ProxiedPostgres(database, new TcpProxy("127.0.0.1", 5432));
    }

    /** The proxy between the deployment and the database. */
    public TcpProxy proxy() {
        return proxy;
    }

    /** A direct connection to the database (never through the proxy), for the test's own checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(database, 5432), USER, "");
    }

    /** Adds the datasource and its driver to {@code war}. */
    public WebArchive addTo(WebArchive war) {
        String webXml = read(war.get(WEB_XML).getAsset().openStream());
        int end = webXml.lastIndexOf("</web-app>");
        String dataSource = """
                    <!-- Added by the test (ProxiedPostgres): PostgreSQL through the test's TCP proxy. -->
                    <data-source>
                        <name>%s</name>
                        <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                        <server-name>127.0.0.1</server-name>
                        <port-number>%d</port-number>
                        <database-name>%s</database-name>
                        <user>%s</user>
                        <password>unused</password>
                        <property><name>connectTimeout</name><value>2</value></property>
                        <property><name>socketTimeout</name><value>20</value></property>
                        <!-- Without validation the pool keeps handing out connections the outage
                             closed, and never recovers: check each one, and drop them all on a failure. -->
                        <property><name>fish.payara.is-connection-validation-required</name><value>true</value></property>
                        <property><name>fish.payara.connection-validation-method</name><value>custom-validation</value></property>
                        <property><name>fish.payara.validation-classname</name><value>org.glassfish.api.jdbc.validation.PostgresConnectionValidation</value></property>
                        <property><name>fish.payara.fail-all-connections</name><value>true</value></property>
                        <transactional>true</transactional>
                        <max-pool-size>32</max-pool-size>
                        <min-pool-size>0</min-pool-size>
                    </data-source>
                """.formatted(DATA_SOURCE, proxy.port(), database, USER);
        war.delete(WEB_XML);
        war.add(new StringAsset(webXml.substring(0, end) + dataSource + webXml.substring(end)), WEB_XML);
        war.addAsLibrary(driverJar());
        return war;
    }

    /** Stops the proxy and drops the database (closing whatever connections are left). */
    @Override
    public void close() {
        proxy.close();
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the database " + database, e);
        }
    }

    private static String url(String database, int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=3";
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The store's PostgreSQL DDL, comments dropped. */
    private static String ddl() {
        InputStream in = ProxiedPostgres.class.getResourceAsStream("/META-INF/sql/passkey-postgresql.sql");
        if (in == null) {
            throw new IllegalStateException("passkey-postgresql.sql is not on the class path (passkey-persistence)");
        }
        StringBuilder sql = new StringBuilder();
        for (String line : read(in).split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return sql.toString();
    }

    private static File driverJar() {
        try {
            return new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
