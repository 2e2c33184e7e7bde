package org.passkeyee.internal.config;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The login the application's {@code web.xml} declares ({@code <login-config>}), which the
 * passkey mechanism carries on: on Jakarta EE 10 it is the application's only mechanism, so the
 * container's own FORM and BASIC logins no longer run. With {@code FORM}, signed-out browsers are
 * shown the form login page (forwarded, as the container does), {@code j_security_check} posts are
 * validated by the application's identity stores, and a refused one is shown the form error page;
 * with {@code BASIC}, API clients' {@code Authorization: Basic} is honoured as with
 * {@code passkey.basic-auth}. Read once, when the application starts.
 *
 * @param authMethod the auth method in upper case ({@code FORM}, {@code BASIC}, ...), or {@code ""} when none
 * @param realmName  the server realm it names, or {@code null}: the realm whose groups Payara adds to callers
 * @param loginPage  the form login page, from the context root, or {@code null}
 * @param errorPage  the form error page, from the context root, or {@code null}
 */
public record WebXmlLogin(String authMethod, String realmName, String loginPage, String errorPage) {

    /** The servlet context attribute that holds the application's {@code WebXmlLogin}. */
    public static final String ATTRIBUTE = WebXmlLogin.class.getName();
    /** Where FORM logins post, at the end of a path relative to the login page. */
    static final String FORM_ACTION = "/j_security_check";
    public static final WebXmlLogin NONE = new WebXmlLogin("", null, null, null);

    private static final Logger LOG = Logger.getLogger(WebXmlLogin.class.getName());

    /** Whether {@code web.xml} asks for a FORM login with both its pages. */
    public boolean isForm() {
        return "FORM".equals(authMethod) && loginPage != null && errorPage != null;
    }

    /** Whether {@code web.xml} asks for HTTP Basic. */
    public boolean isBasic() {
        return "BASIC".equals(authMethod);
    }

    /** Whether this is a FORM login's post ({@code POST .../j_security_check}). */
    public boolean isFormPost(HttpServletRequest request) {
        return isForm() && "POST".equals(request.getMethod()) && request.getRequestURI().endsWith(FORM_ACTION);
    }

    /** The {@code j_security_check} paths that the login page's form may post to: at the root, and beside the page. */
    public List<String> formActions() {
        String beside = loginPage.substring(0, loginPage.lastIndexOf('/')) + FORM_ACTION;
        return beside.equals(FORM_ACTION) ? List.of(FORM_ACTION) : List.of(FORM_ACTION, beside);
    }

    /** The application's, as its servlet context holds it; {@link #NONE} before it started or without a {@code web.xml} login. */
    public static WebXmlLogin of(ServletContext context) {
        return context != null && context.getAttribute(ATTRIBUTE) instanceof WebXmlLogin login ? login : NONE;
    }

    /** Reads {@code WEB-INF/web.xml}'s {@code <login-config>}; {@link #NONE} when there is none or it cannot be read. */
    public static WebXmlLogin read(ServletContext context) {
        try (InputStream webXml = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return webXml == null ? NONE : parse(webXml);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException unreadable) {
            LOG.warning(() -> "WEB-INF/web.xml could not be read for its login-config: " + unreadable);
            return NONE;
        }
    }

    static WebXmlLogin parse(InputStream webXml) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(webXml);
        NodeList configs = document.getElementsByTagNameNS("*", "login-config");
        if (configs.getLength() == 0) {
            return NONE;
        }
        Element config = (Element) configs.item(0);
        String authMethod = text(config, "auth-method");
        return new WebXmlLogin(authMethod == null ? "" : authMethod.toUpperCase(Locale.ROOT), text(config, "realm-name"),
                page(text(config, "form-login-page")), page(text(config, "form-error-page")));
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS("*", name);
        if (found.getLength() == 0) {
            return null;
        }
        String text = found.item(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** A page path as the Servlet specification has it: from the context root, starting with '/'. */
    private static String page(String path) {
        return path == null ? null : path.startsWith("/") ? path : "/" + path;
    }
}
