package org.passkeyee.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PasskeyMessagesTest {

    private static final ClassLoader LOADER = PasskeyMessagesTest.class.getClassLoader();

    @Test
    void englishViewGetsEnglishTextsEvenWhenTheServerDefaultIsGerman() {
        Locale serverDefault = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("Sign in with a passkey", PasskeyMessages.of(Locale.ENGLISH, null, LOADER).get("signIn.button"));
        } finally {
            Locale.setDefault(serverDefault);
        }
    }

    @Test
    void germanViewGetsGermanTexts() {
        assertEquals("Mit Passkey anmelden", PasskeyMessages.of(Locale.GERMANY, null, LOADER).get("signIn.button"));
    }

    @Test
    void applicationBundleOverridesATextUnderThePasskeyeePrefix() {
        PasskeyMessages messages = PasskeyMessages.of(Locale.ENGLISH, "org.passkeyee.faces.test.AppMessages", LOADER);
        assertEquals("Log in with your passkey", messages.get("signIn.button"));
        assertEquals("Add a passkey", messages.get("register.button"));
    }

    @Test
    void missingApplicationBundleIsIgnored() {
        PasskeyMessages messages = PasskeyMessages.of(Locale.ENGLISH, "no.such.Bundle", LOADER);
        assertEquals("Add a passkey", messages.get("register.button"));
    }

    @Test
    void scriptGetsTheCommonTextsAndTheWidgetsOwnOnly() {
        PasskeyMessages messages = PasskeyMessages.of(Locale.ENGLISH, "org.passkeyee.faces.test.AppMessages", LOADER);
        JsonObject json = messages.forScript("common.", "signIn.");
        assertEquals("Log in with your passkey", json.getString("signIn.button"));
        assertTrue(json.containsKey("common.error.unknown_credential"));
        assertTrue(json.keySet().stream().noneMatch(key -> key.startsWith("manage.")));
    }

    @Test
    void germanBundleHasEveryKeyOfTheEnglishOne() {
        Set<String> english = new TreeSet<>(bundle(Locale.ROOT).keySet());
        Set<String> german = new TreeSet<>(bundle(Locale.GERMAN).keySet());
        assertEquals(english, german);
        ResourceBundle de = bundle(Locale.GERMAN);
        english.forEach(key -> assertTrue(de.getString(key).length() > 1, key));
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(PasskeyMessages.BUNDLE, locale, LOADER,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }
}
