package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The descriptors and scripts this JAR ships, as a container and an administrator see them. */
class PersistenceDescriptorTest {

    @Test
    void persistenceUnitPasskeyIsJtaOnTheDefaultDataSource() throws Exception {
        Element unit = mainUnit();
        assertEquals("JTA", unit.getAttribute("transaction-type"));
        assertEquals("java:comp/DefaultDataSource", text(unit, "jta-data-source"));
        assertEquals("true", text(unit, "exclude-unlisted-classes"));
        assertEquals("NONE", text(unit, "shared-cache-mode"));
        List<String> classes = texts(unit, "class");
        assertEquals(List.of(PasskeyUserEntity.class.getName(), PasskeyCredentialEntity.class.getName()), classes);
        for (String name : classes) {
            assertNotNull(Class.forName(name).getAnnotation(Entity.class), name);
        }
        NodeList properties = unit.getElementsByTagName("property");
        boolean create = false;
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            create |= property.getAttribute("name").equals("jakarta.persistence.schema-generation.database.action")
                    && property.getAttribute("value").equals("create");
        }
        assertTrue(create, "tables are created when missing");
    }

    @Test
    void beansXmlDiscoversAnnotatedBeans() throws Exception {
        URL url = mainResource("META-INF/beans.xml");
        Document beans = parse(url);
        assertEquals("annotated", beans.getDocumentElement().getAttribute("bean-discovery-mode"));
    }

    @Test
    void everyScriptDeclaresSchemaVersion1() throws IOException {
        for (TestDatabase database : TestDatabase.values()) {
            try (InputStream in = getClass().getResourceAsStream(database.script())) {
                assertNotNull(in, database.script());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("-- schema version 1\n"), database.script());
                assertEquals(3, TestDatabase.statements(database.script()).size(), database.script());
            }
        }
    }

    private static Element mainUnit() throws Exception {
        Document document = parse(mainResource("META-INF/persistence.xml"));
        NodeList units = document.getElementsByTagName("persistence-unit");
        assertEquals(1, units.getLength());
        Element unit = (Element) units.item(0);
        assertEquals("passkey", unit.getAttribute("name"));
        return unit;
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

    private static String text(Element parent, String tag) {
        List<String> all = texts(parent, tag);
        assertEquals(1, all.size(), tag);
        return all.get(0);
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
