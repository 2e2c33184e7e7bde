package org.passkeyee.internal.config;

import java.util.Locale;
import org.passkeyee.PasskeySettings;

/**
 * How the application's existing logins are carried beside passkeys, as the admin set it.
 *
 * @param basicAuth whether requests with {@code Authorization: Basic} (API clients) are validated
 *                  by the application's identity stores ({@code passkey.basic-auth}, default
 *                  {@code false}): on Jakarta EE 10 the passkey mechanism is an application's only
 *                  one, so it takes over what {@code @BasicAuthenticationMechanismDefinition} did
 */
public record ExistingLogins(boolean basicAuth) {

    /** The setting that switches HTTP Basic on. */
    public static final String BASIC_AUTH = "passkey.basic-auth";

    static ExistingLogins of(PasskeySettings settings) {
        return new ExistingLogins(settings.find(BASIC_AUTH).map(ExistingLogins::bool).orElse(false));
    }

    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(BASIC_AUTH + " must be true or false, not '" + value + "'");
        };
    }
}
