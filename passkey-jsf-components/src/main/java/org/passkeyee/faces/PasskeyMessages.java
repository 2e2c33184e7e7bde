package org.passkeyee.faces;

import jakarta.faces.context.FacesContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The widgets' texts in the view's locale. Each text comes from the application's message bundle
 * ({@code <message-bundle>} in its {@code faces-config.xml}) under the key {@code passkeyee.} plus
 * the widget's key, if it has one there, and otherwise from this module's bundle
 * ({@code org/passkeyee/faces/messages*.properties}: English and German). So an application
 * overrides any text, or adds a language, without touching the module.
 *
 * <p>The module's bundle is looked up without falling back to the JVM's default locale: a view in
 * English gets English on a server whose default locale is German.
 */
final class PasskeyMessages {

    static final String BUNDLE = "org.passkeyee.faces.messages";
    static final String OVERRIDE_PREFIX = "passkeyee.";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);

    private final ResourceBundle own;
    private final ResourceBundle application;

    PasskeyMessages(ResourceBundle own, ResourceBundle application) {
        this.own = own;
        this.application = application;
    }

    /** The texts for the current view's locale. */
    static PasskeyMessages of(FacesContext context) {
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.ENGLISH;
        String applicationBundle = context.getApplication().getMessageBundle();
        ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
        return of(locale, applicationBundle, applicationLoader);
    }

    /** The texts for a locale, with an application bundle (which may be {@code null}). */
    static PasskeyMessages of(Locale locale, String applicationBundle, ClassLoader applicationLoader) {
        ResourceBundle own = ResourceBundle.getBundle(BUNDLE, locale, PasskeyMessages.class.getClassLoader(), NO_FALLBACK);
        ResourceBundle application = null;
        if (applicationBundle != null && applicationLoader != null) {
            try {
                application = ResourceBundle.getBundle(applicationBundle, locale, applicationLoader, NO_FALLBACK);
            } catch (MissingResourceException absent) {
                application = null;
            }
        }
        return new PasskeyMessages(own, application);
    }

    /** The text of a key, e.g. {@code signIn.button}; the key itself if no bundle has it. */
    String get(String key) {
        if (application != null && application.containsKey(OVERRIDE_PREFIX + key)) {
            return application.getString(OVERRIDE_PREFIX + key);
        }
        return own.containsKey(key) ? own.getString(key) : key;
    }

    /**
     * The texts the script needs, as a JSON object: every key of the module's bundle that starts
     * with one of the prefixes (e.g. {@code common.} and {@code signIn.}), with overrides applied.
     */
    JsonObject forScript(String... prefixes) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String key : own.keySet()) {
            for (String prefix : prefixes) {
                if (key.startsWith(prefix)) {
                    json.add(key, get(key));
                    break;
                }
            }
        }
        return json.build();
    }
}
