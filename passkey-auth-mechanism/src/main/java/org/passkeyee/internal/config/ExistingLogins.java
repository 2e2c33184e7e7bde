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
 * @param elytronRealm whether WildFly's Elytron security domain validates passwords and gives
 *                  groups, as an identity store ({@code passkey.elytron-realm}, default {@code false})
 */
public record ExistingLogins(boolean basicAuth, boolean elytronRealm) {

    /** The setting that switches HTTP Basic on. */
    public static final String BASIC_AUTH = "passkey.basic-auth";
    /** The setting that makes WildFly's security domain an identity store. */
    public static final String ELYTRON_REALM = "passkey.elytron-realm";

    /** Where neither is on. */
    public ExistingLogins(boolean basicAuth) {
        this(basicAuth, false);
    }

    static ExistingLogins of(PasskeySettings settings) {
        return new ExistingLogins(flag(settings, BASIC_AUTH), flag(settings, ELYTRON_REALM));
    }

    private static boolean flag(PasskeySettings settings, String name) {
        return settings.find(name).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(name + " must be true or false, not '" + value + "'");
        }).orElse(false);
    }
}
