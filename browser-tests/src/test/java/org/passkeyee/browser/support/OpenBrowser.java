package org.passkeyee.browser.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension behind {@link BrowserTest}: before each test, opens a {@link Browser} (headless
 * Chromium, a fresh profile, a virtual authenticator) on the URL Arquillian injected into the test's
 * {@code @ArquillianResource URL} field, and puts it into the test's {@code Browser} field; after
 * the test, closes it. Runs after Arquillian's own callbacks, so the URL is there, and before the
 * class's {@code @BeforeEach} methods, so they may use the browser.
 */
public final class OpenBrowser implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        URL deployment = (URL) field(test, URL.class, true).get(test);
        if (deployment == null) {
            throw new IllegalStateException(test.getClass().getSimpleName()
                    + ": Arquillian injected no deployment URL (is the class a @BrowserTest with a @Deployment?)");
        }
        field(test, Browser.class, false).set(test, Browser.open(deployment));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Field field = field(test, Browser.class, false);
        Browser browser = (Browser) field.get(test);
        if (browser != null) {
            field.set(test, null);
            browser.close();
        }
    }

    /** The test class's one instance field of this type (annotated {@code @ArquillianResource} if asked). */
    private static Field field(Object test, Class<?> type, boolean arquillianResource) {
        List<Field> fields = Stream.of(test.getClass().getDeclaredFields())
                .filter(f -> f.getType() == type && !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !arquillianResource || f.isAnnotationPresent(ArquillianResource.class))
                .toList();
        if (fields.size() != 1) {
            throw new IllegalStateException(test.getClass().getSimpleName() + " must declare one field "
                    + (arquillianResource ? "@ArquillianResource " : "") + type.getSimpleName() + ", has " + fields.size());
        }
        Field field = fields.get(0);
        field.setAccessible(true);
        return field;
    }
}
