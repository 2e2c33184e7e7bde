package org.passkeyee.internal.config;

import org.passkeyee.PasskeyAuthenticationMechanismDefinition;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeySettings;

/**
 * Everything the admin configures, read once when the application starts: the annotation with
 * the overrides applied ({@link PasskeyConfiguration}), the decoy key, the ceremony key, which authenticators may
 * register ({@link AuthenticatorPolicy}), the existing logins carried ({@link ExistingLogins}), and the settings for the module's other JARs
 * ({@link PasskeySettings}). The only place that reads properties; the
 * extension hands each part to CDI as a bean.
 *
 * @param configuration the effective configuration
 * @param decoySecret   the decoy credentials' key
 * @param ceremonyKey   the key that seals strangers' ceremonies into their browsers
 * @param settings      the admin's settings, for modules that add their own
 * @param authenticatorPolicy which authenticators may make a new passkey
 * @param existingLogins how the application's existing logins are carried
 */
public record ModuleConfiguration(PasskeyConfiguration configuration, DecoySecret decoySecret, CeremonyKey ceremonyKey,
                                  PasskeySettings settings,
                                  AuthenticatorPolicy authenticatorPolicy, ExistingLogins existingLogins) {

    /**
     * Resolves the application's configuration from its sources (see {@link PropertyOverrides}).
     *
     * @throws IllegalStateException naming what cannot work, which fails the deployment
     */
    public static ModuleConfiguration resolve(PasskeyAuthenticationMechanismDefinition definition) {
        PasskeySettings settings = PropertyOverrides.forCurrentApplication()::apply;
        return new ModuleConfiguration(new ConfigurationResolver(settings::find).resolve(definition),
                DecoySecret.of(settings.find(DecoySecret.PROPERTY)),
                CeremonyKey.of(settings.find(CeremonyKey.PROPERTY), settings.find(CeremonyKey.PREVIOUS_PROPERTY)), settings,
                new AuthenticatorPolicyResolver(settings::find).resolve(), ExistingLogins.of(settings));
    }
}
