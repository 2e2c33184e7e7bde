package org.passkeyee.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.passkeyee.persistence.TestDatabase;
import org.passkeyee.persistence.schema.PasskeyCredentialEntity;
import org.passkeyee.persistence.schema.PasskeyUserEntity;
import org.passkeyee.persistence.schema.StoreTables;

/** The descriptors and scripts this JAR ships, as a container and an administrator see them. */
class PersistenceDescriptorTest {

    @Test
    void jarShipsNoPersistenceXmlSoTheApplicationsUnnamedPersistenceContextsStillResolve() throws Exception {
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/persistence.xml"))) {
            assertTrue(!url.getPath().contains("/target/classes/"), "the main JAR must not ship " + url);
        }
    }

    @Test
    void storeUnitIsJtaOnTheGivenDataSourceWithBothEntitiesAndNoSharedCache() throws Exception {
        Properties properties = JpaProviderSetup.properties("org.hibernate.jpa.HibernatePersistenceProvider",
                ServerTransactions.WILDFLY, true);
        PasskeyPersistenceUnit unit = new PasskeyPersistenceUnit("org.hibernate.jpa.HibernatePersistenceProvider",
                null, properties);
        assertEquals(PersistenceUnitTransactionType.JTA, unit.getTransactionType());
        assertEquals(SharedCacheMode.NONE, unit.getSharedCacheMode());
        assertTrue(unit.excludeUnlistedClasses());
        assertEquals(List.of(PasskeyUserEntity.class.getName(), PasskeyCredentialEntity.class.getName()),
                unit.getManagedClassNames());
        for (String name : unit.getManagedClassNames()) {
            assertNotNull(Class.forName(name).getAnnotation(Entity.class), name);
        }
        assertNotNull(unit.getPersistenceUnitRootUrl());
        assertEquals("create", properties.getProperty(JpaProviderSetup.SCHEMA_ACTION));
    }

    @Test
    void eachProviderIsToldTheServersTransactionManagerAndNotToWeave() {
        Properties hibernate = JpaProviderSetup.properties("org.hibernate.jpa.HibernatePersistenceProvider",
                ServerTransactions.WILDFLY, false);
        assertEquals("JBossAS", hibernate.getProperty("hibernate.transaction.jta.platform"));
        assertEquals("none", hibernate.getProperty(JpaProviderSetup.SCHEMA_ACTION));

        Properties eclipseLink = JpaProviderSetup.properties("org.eclipse.persistence.jpa.PersistenceProvider",
                ServerTransactions.GLASSFISH, true);
        assertEquals("Glassfish", eclipseLink.getProperty("eclipselink.target-server"));
        assertEquals("false", eclipseLink.getProperty("eclipselink.weaving"));

        Properties unknown = JpaProviderSetup.properties("org.hibernate.jpa.HibernatePersistenceProvider",
                ServerTransactions.UNKNOWN, true);
        assertNull(unknown.getProperty("hibernate.transaction.jta.platform"));
    }

    @Test
    void providerIsTheNamedOneOrTheFirstAndAnUnknownNameIsAClearError() {
        assertNotNull(JpaProviderSetup.provider(Optional.empty()));
        assertEquals("org.hibernate.jpa.HibernatePersistenceProvider",
                JpaProviderSetup.provider(Optional.of("org.hibernate.jpa.HibernatePersistenceProvider")).getClass().getName());
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> JpaProviderSetup.provider(Optional.of("com.example.NoSuchProvider")));
        assertTrue(unknown.getMessage().contains("passkey.jpa-provider"), unknown.getMessage());
    }

    @Test
    void beansXmlDiscoversAnnotatedBeans() throws Exception {
        URL url = mainResource("META-INF/beans.xml");
        Document beans = parse(url);
        assertEquals("annotated", beans.getDocumentElement().getAttribute("bean-discovery-mode"));
    }

    @Test
    void everyScriptDeclaresTheNewestSchemaVersion() throws IOException {
        for (TestDatabase database : TestDatabase.values()) {
            try (InputStream in = getClass().getResourceAsStream(database.script())) {
                assertNotNull(in, database.script());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("-- schema version " + StoreTables.SCHEMA_VERSION + "\n"), database.script());
                assertEquals(3, TestDatabase.statements(database.script()).size(), database.script());
            }
        }
    }

    /** The main JAR's copy, not the test units of the same name. */
    private static URL mainResource(String name) throws IOException {
        for (URL url : Collections.list(PersistenceDescriptorTest.class.getClassLoader().getResources(name))) {
            if (url.getPath().contains("/target/classes/")) {
                return url;
            }
        }
        throw new AssertionError("No main " + name);
    }

    private static Document parse(URL url) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        try (InputStream in = url.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
