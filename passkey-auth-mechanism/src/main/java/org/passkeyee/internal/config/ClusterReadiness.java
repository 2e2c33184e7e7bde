package org.passkeyee.internal.config;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What an application whose sessions may move between servers ({@code <distributable/>} in its
 * {@code web.xml}) must have before the passkey endpoints start: the decoy secret and the ceremony
 * key, each the same on every server. Without the first each server would answer an unknown name
 * with other decoys, and a caller alternating servers would learn that the name is unknown;
 * without the second a ceremony started on one server could not be finished on another.
 */
public final class ClusterReadiness {

    private ClusterReadiness() {
    }

    /**
     * Refuses to start a distributable application without {@code passkey.decoy-secret} or
     * without {@code passkey.ceremony-key}.
     *
     * @throws IllegalStateException naming the setting, which fails the deployment
     */
    public static void check(ServletContext context, DecoySecret secret, CeremonyKey ceremonyKey) {
        boolean distributable = isDistributable(context);
        check(distributable, secret.configured(), context.getContextPath());
        checkCeremonyKey(distributable, ceremonyKey.configured(), context.getContextPath());
    }

    static void checkCeremonyKey(boolean distributable, boolean keyConfigured, String contextPath) {
        if (distributable && !keyConfigured) {
            throw new IllegalStateException("Passkeys: the application " + contextPath + " is <distributable/> (its "
                    + "requests may reach any of several servers), so " + CeremonyKey.PROPERTY + " must be set, to the same "
                    + "long random value on every server (for example the environment variable PASSKEY_CEREMONY_KEY). "
                    + "Without it each server seals the sign-ins and sign-ups it starts with its own random key, and "
                    + "another server cannot finish them.");
        }
    }

    static void check(boolean distributable, boolean secretConfigured, String contextPath) {
        if (distributable && !secretConfigured) {
            throw new IllegalStateException("Passkeys: the application " + contextPath + " is <distributable/> (its "
                    + "sessions may move between servers), so " + DecoySecret.PROPERTY + " must be set, to the same long random "
                    + "value on every server (for example the environment variable PASSKEY_DECOY_SECRET). Without it "
                    + "each server answers an unknown name with other decoy credentials, which tells a caller that the "
                    + "name is unknown.");
        }
    }

    /** Whether the application's {@code WEB-INF/web.xml} declares {@code <distributable/>}. */
    static boolean isDistributable(ServletContext context) {
        try (InputStream webXml = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return webXml != null && declaresDistributable(webXml);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Whether this deployment descriptor has a {@code distributable} element under its root. */
    static boolean declaresDistributable(InputStream webXml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Element root = builder.parse(webXml).getDocumentElement();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "distributable".equals(element.getLocalName())) {
                    return true;
                }
            }
            return false;
        } catch (ParserConfigurationException | SAXException malformed) {
            return false;
        }
    }
}
