package org.passkeyee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: the sample WAR plus test-only helpers. */
public final class Deployments {

    /** System property (set by Failsafe) holding the path of the built sample WAR. */
    public static final String SAMPLE_WAR_PROPERTY = "sample.war";

    private static final ArchivePath MICROPROFILE_CONFIG =
            ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private Deployments() {
    }

    /** The sample application as built, plus the {@link StoreSnapshotServlet}. */
    public static WebArchive sampleApp() {
        String path = System.getProperty(SAMPLE_WAR_PROPERTY);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property " + SAMPLE_WAR_PROPERTY
                    + " must name the built sample WAR, but is " + path);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path))
                .addClass(StoreSnapshotServlet.class);
    }

    /**
     * The archive with {@code <distributable/>} in its {@code web.xml}: its sessions may be
     * replicated between the servers of a cluster.
     */
    public static WebArchive distributable(WebArchive war) {
        ArchivePath webXml = ArchivePaths.create("WEB-INF/web.xml");
        String text = read(war.get(webXml).getAsset().openStream());
        int endOfRoot = text.indexOf('>', text.indexOf("<web-app")) + 1;
        war.delete(webXml);
        return war.add(new StringAsset(text.substring(0, endOfRoot) + "\n    <distributable/>" + text.substring(endOfRoot)), webXml);
    }

    /**
     * The sample application with extra MicroProfile Config properties, appended to the WAR's
     * own {@code microprofile-config.properties} (so they win over it) or in a new one.
     */
    public static WebArchive sampleAppWithConfig(String properties) {
        WebArchive war = sampleApp();
        String existing = "";
        if (war.contains(MICROPROFILE_CONFIG)) {
            existing = read(war.get(MICROPROFILE_CONFIG).getAsset().openStream()) + "\n";
            war.delete(MICROPROFILE_CONFIG);
        }
        return war.add(new StringAsset(existing + properties), MICROPROFILE_CONFIG);
    }

    /**
     * The archive with one more security constraint in its {@code web.xml}: every page needs the
     * role {@code user}, as in applications that protect everything but their login.
     */
    public static WebArchive withCatchAllConstraint(WebArchive war) {
        return withSecurityElements(war, """
                <security-constraint>
                        <web-resource-collection>
                            <web-resource-name>everything</web-resource-name>
                            <url-pattern>/*</url-pattern>
                        </web-resource-collection>
                        <auth-constraint>
                            <role-name>user</role-name>
                        </auth-constraint>
                    </security-constraint>
                    """);
    }

    /** The FORM login page that {@link #withFormLogin} adds, as a container-era application has it. */
    public static final String FORM_LOGIN_PAGE = "/legacy/login.html";
    /** The FORM error page that {@link #withFormLogin} adds. */
    public static final String FORM_ERROR_PAGE = "/legacy/error.html";

    /**
     * The archive with a {@code web.xml} FORM {@code <login-config>} and its two plain HTML pages,
     * as applications written for the container's own login have them: the form posts
     * {@code j_username} and {@code j_password} to {@code j_security_check}, relative to the page.
     */
    public static WebArchive withFormLogin(WebArchive war) {
        return withSecurityElements(war, """
                <login-config>
                        <auth-method>FORM</auth-method>
                        <realm-name>file</realm-name>
                        <form-login-config>
                            <form-login-page>%s</form-login-page>
                            <form-error-page>%s</form-error-page>
                        </form-login-config>
                    </login-config>
                    """.formatted(FORM_LOGIN_PAGE, FORM_ERROR_PAGE))
                .add(new StringAsset("""
                        <!DOCTYPE html>
                        <html><head><title>Legacy login</title></head><body>
                        <form method="post" action="j_security_check">
                          <input name="j_username" autocomplete="username"> <input name="j_password" type="password">
                          <button type="submit">Sign in</button>
                        </form></body></html>
                        """), FORM_LOGIN_PAGE)
                .add(new StringAsset("""
                        <!DOCTYPE html>
                        <html><head><title>Legacy login</title></head><body>
                        <p id="legacy-error">Wrong username or password.</p></body></html>
                        """), FORM_ERROR_PAGE);
    }

    /** The archive with these elements in its {@code web.xml}, before its first {@code <security-role>}. */
    private static WebArchive withSecurityElements(WebArchive war, String elements) {
        ArchivePath webXml = ArchivePaths.create("WEB-INF/web.xml");
        String text = read(war.get(webXml).getAsset().openStream());
        int firstRole = text.indexOf("<security-role>");
        war.delete(webXml);
        return war.add(new StringAsset(text.substring(0, firstRole) + elements + text.substring(firstRole)), webXml);
    }

    /**
     * The existing application of {@link org.passkeyee.it.existing}, with the passkey JARs and
     * their libraries (as the sample WAR has them, without the Faces widgets: this application
     * has no Faces) and H2 for its own datasource dropped in.
     */
    public static WebArchive existingApplication() {
        WebArchive sample = sampleApp();
        WebArchive war = ShrinkWrap.create(WebArchive.class, "existing-app.war")
                .addPackage(org.passkeyee.it.existing.InventorySecurity.class.getPackage())
                .addClasses(StoreSnapshotServlet.class, PasswordSignInServlet.class)
                .addAsWebInfResource(new StringAsset(EXISTING_WEB_XML), "web.xml")
                .addAsWebInfResource(new StringAsset(ANNOTATED_BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset(EXISTING_PERSISTENCE_XML), "META-INF/persistence.xml")
                .addAsResource(new StringAsset("passkey.datasource=" + EXISTING_DATA_SOURCE + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsLibrary(jarOf(org.h2.Driver.class));
        return withPasskeyLibraries(war, sample);
    }

    /**
     * An application whose people live in an LDAP directory at {@code directoryUrl}
     * ({@link org.passkeyee.it.directory}), with the passkey JARs added.
     */
    public static WebArchive directoryApplication(String directoryUrl) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "directory-app.war")
                .addPackage(org.passkeyee.it.directory.DirectorySecurity.class.getPackage())
                .addClasses(StoreSnapshotServlet.class, PasswordSignInServlet.class)
                .addAsWebInfResource(new StringAsset(ANNOTATED_BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset("url=" + directoryUrl + "\n"),
                        org.passkeyee.it.directory.DirectorySettings.RESOURCE);
        return withPasskeyLibraries(war, sampleApp());
    }

    /**
     * A shop whose two password stores are made by two producer methods of one configuration
     * class ({@link org.passkeyee.it.produced}), with the passkey JARs added; passkeys in the
     * server's default datasource.
     */
    public static WebArchive producedStoresApplication() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "produced-stores.war")
                .addPackage(org.passkeyee.it.produced.ShopSecurity.class.getPackage())
                .addClasses(PasswordSignInServlet.class, SchemaTwoRowServlet.class)
                .addAsWebInfResource(new StringAsset(ANNOTATED_BEANS_XML), "beans.xml");
        return withPasskeyLibraries(war, sampleApp());
    }

    /** Adds the passkey JARs (core, store, and what they need) of the sample WAR, not its Faces widgets. */
    private static WebArchive withPasskeyLibraries(WebArchive war, WebArchive sample) {
        sample.getContent(path -> path.get().startsWith("/WEB-INF/lib/") && path.get().endsWith(".jar")
                        && !path.get().contains("passkey-jsf-components"))
                .forEach((path, node) -> war.add(node.getAsset(), path));
        return war;
    }

    /** The existing application's own datasource. */
    public static final String EXISTING_DATA_SOURCE = "java:app/jdbc/InventoryDS";

    private static final String EXISTING_WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <data-source>
                    <name>java:app/jdbc/InventoryDS</name>
                    <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                    <url>jdbc:h2:mem:inventory;DB_CLOSE_DELAY=-1</url>
                    <user>sa</user>
                    <password>sa</password>
                    <transactional>true</transactional>
                </data-source>
            </web-app>
            """;

    private static final String ANNOTATED_BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    /** The application's one unit, injected without a name; nothing in it knows about passkeys. */
    private static final String EXISTING_PERSISTENCE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                <persistence-unit name="inventory" transaction-type="JTA">
                    <jta-data-source>java:app/jdbc/InventoryDS</jta-data-source>
                    <class>org.passkeyee.it.existing.InventoryItem</class>
                    <class>org.passkeyee.it.existing.AppUser</class>
                    <class>org.passkeyee.it.existing.AppGroup</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                        <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>
                    </properties>
                </persistence-unit>
            </persistence>
            """;

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
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
