package org.passkeyee.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.UserVerificationPolicy;

/**
 * Turns the annotation plus the admin's overrides into one immutable {@link PasskeyConfiguration},
 * and refuses a configuration that cannot work (no origins, an RP ID that is not a suffix of a web
 * origin's host) at startup rather than at the first sign-in.
 */
public final class ConfigurationResolver {

    private static final Logger LOG = Logger.getLogger(ConfigurationResolver.class.getName());
    private static final String MAX_ANONYMOUS_CEREMONIES = "passkey.max-anonymous-ceremonies";
    private static final int DEFAULT_MAX_ANONYMOUS_CEREMONIES = 50_000;

    private final Function<String, Optional<String>> overrides;

    /** @param overrides looks a property up by name (see {@link PropertyOverrides}) */
    public ConfigurationResolver(Function<String, Optional<String>> overrides) {
        this.overrides = overrides;
    }

    public PasskeyConfiguration resolve(PasskeyAuthenticationMechanismDefinition definition) {
        String rpId = text("passkey.rp-id", definition.rpId());
        String rpName = text("passkey.rp-name", definition.rpName());
        List<String> origins = list("passkey.origins", definition.origins());
        PasskeyConfiguration configuration = new PasskeyConfiguration(
                rpId,
                rpName.isBlank() ? rpId : rpName,
                origins,
                overrides.apply("passkey.user-verification")
                        .map(v -> enumValue(v))
                        .orElse(definition.userVerification()),
                seconds("passkey.ceremony-timeout", definition.ceremonyTimeoutSeconds()),
                prefix(text("passkey.endpoint-prefix", definition.endpointPrefix())),
                overrides.apply("passkey.sign-up-allowed").map(v -> bool("passkey.sign-up-allowed", v)).orElse(definition.signUpAllowed()),
                path("passkey.login-page", text("passkey.login-page", definition.loginPage())),
                path("passkey.default-redirect", text("passkey.default-redirect", definition.defaultRedirect())),
                seconds("passkey.reauthentication-window", definition.reauthenticationWindowSeconds()),
                positive("passkey.max-request-bytes", overrides.apply("passkey.max-request-bytes")
                        .map(v -> integer("passkey.max-request-bytes", v)).orElse(definition.maxRequestBytes())),
                retiredMaxAnonymousCeremonies(definition),
                overrides.apply("passkey.groups-from-validating-stores")
                        .map(v -> bool("passkey.groups-from-validating-stores", v))
                        .orElse(definition.groupsFromValidatingStores()),
                list("passkey.allowed-top-origins", definition.allowedTopOrigins()),
                positive("passkey.failed-sign-ins-before-throttling", overrides.apply("passkey.failed-sign-ins-before-throttling")
                        .map(v -> integer("passkey.failed-sign-ins-before-throttling", v))
                        .orElse(definition.failedSignInsBeforeThrottling())),
                seconds("passkey.group-refresh-interval", definition.groupRefreshSeconds()),
                text("passkey.admin-role", definition.adminRole()),
                Hints.ofProperty("passkey.hints", list("passkey.hints", definition.hints())),
                list("passkey.related-origins", definition.relatedOrigins()));
        RelyingPartyIdCheck.requireSuffixOfEveryWebOrigin(configuration.rpId(), configuration.origins(),
                configuration.relatedOrigins());
        return configuration;
    }

    /**
     * {@code passkey.max-anonymous-ceremonies}, retired: accepted as before so that nothing fails
     * to start, ignored, and a warning when it is set (by property or in the annotation).
     */
    @SuppressWarnings("deprecation")
    private int retiredMaxAnonymousCeremonies(PasskeyAuthenticationMechanismDefinition definition) {
        int annotated = definition.maxAnonymousCeremonies();
        if (overrides.apply(MAX_ANONYMOUS_CEREMONIES).isPresent() || annotated != DEFAULT_MAX_ANONYMOUS_CEREMONIES) {
            LOG.warning(MAX_ANONYMOUS_CEREMONIES + " (maxAnonymousCeremonies) is set but no longer used, and ignored: a "
                    + "sign-in or sign-up started by someone not signed in holds nothing on the server any more (it is "
                    + "sealed into the browser with passkey.ceremony-key), so there is nothing to cap. Remove the setting.");
        }
        return annotated;
    }

    private List<String> list(String property, String[] annotated) {
        return overrides.apply(property)
                .map(ConfigurationResolver::splitList)
                .orElseGet(() -> Arrays.stream(annotated).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private String text(String property, String annotated) {
        return overrides.apply(property).map(String::trim).orElse(annotated.trim());
    }

    private Duration seconds(String property, int annotated) {
        int value = overrides.apply(property).map(v -> integer(property, v)).orElse(annotated);
        return Duration.ofSeconds(positive(property, value));
    }

    private static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static UserVerificationPolicy enumValue(String value) {
        try {
            return UserVerificationPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("passkey.user-verification must be one of "
                    + Arrays.toString(UserVerificationPolicy.values()) + ", not '" + value + "'");
        }
    }

    private static boolean bool(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(property + " must be true or false, not '" + value + "'");
        };
    }

    private static int integer(String property, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + " must be a whole number, not '" + value + "'");
        }
    }

    private static int positive(String property, int value) {
        if (value <= 0) {
            throw new IllegalStateException(property + " must be positive, not " + value);
        }
        return value;
    }

    private static String prefix(String value) {
        String prefix = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (!prefix.startsWith("/") || prefix.length() < 2) {
            throw new IllegalStateException("passkey.endpoint-prefix must start with '/' and name a path, not '" + value + "'");
        }
        return prefix;
    }

    private static String path(String property, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalStateException(property + " must start with '/', not '" + value + "'");
        }
        return value;
    }
}
