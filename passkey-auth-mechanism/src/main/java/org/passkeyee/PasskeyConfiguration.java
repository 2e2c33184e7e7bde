package org.passkeyee;

import java.time.Duration;
import java.util.List;

/**
 * The effective configuration: the {@link PasskeyAuthenticationMechanismDefinition} with every
 * admin override applied, resolved once when the application starts. Injectable.
 *
 * @param rpId                   relying party ID
 * @param rpName                 relying party name
 * @param origins                accepted origins
 * @param userVerification       user verification policy
 * @param ceremonyTimeout        lifetime of a started ceremony
 * @param endpointPrefix         path prefix of the endpoints, starting with {@code /}, no trailing {@code /}
 * @param signUpAllowed          whether anonymous callers may sign up
 * @param loginPage              login page path
 * @param defaultRedirect        where a sign-in goes when no protected page was asked for
 * @param reauthenticationWindow time after a sign-in during which passkeys may be added, renamed, deleted
 * @param maxRequestBytes        largest accepted request body
 * @param maxAnonymousCeremonies no longer used: strangers' ceremonies hold nothing on the server
 *                               (the annotation's value, kept for source compatibility)
 * @param groupsFromValidatingStores whether passkey callers get groups from the application's
 *                               stores that validate and provide groups
 * @param allowedTopOrigins      top-level origins allowed to frame a ceremony (empty: none)
 * @param failedSignInsBeforeThrottling failed sign-ins per passkey or username before further
 *                               failures are answered 429
 * @param groupRefreshInterval   how often a signed-in session's account, permission to sign in
 *                               and groups are checked again
 * @param adminRole              the role that may delete passkey accounts; empty: none may
 * @param hints                  hints sent with options that name none ({@code security-key},
 *                               {@code client-device}, {@code hybrid}), in order of preference
 * @param relatedOrigins         other origins that may use this RP ID, accepted in ceremonies
 */
public record PasskeyConfiguration(
        String rpId,
        String rpName,
        List<String> origins,
        UserVerificationPolicy userVerification,
        Duration ceremonyTimeout,
        String endpointPrefix,
        boolean signUpAllowed,
        String loginPage,
        String defaultRedirect,
        Duration reauthenticationWindow,
        int maxRequestBytes,
        int maxAnonymousCeremonies,
        boolean groupsFromValidatingStores,
        List<String> allowedTopOrigins,
        int failedSignInsBeforeThrottling,
        Duration groupRefreshInterval,
        String adminRole,
        List<String> hints,
        List<String> relatedOrigins) {

    /** Copies the lists. */
    public PasskeyConfiguration {
        origins = List.copyOf(origins);
        allowedTopOrigins = List.copyOf(allowedTopOrigins);
        hints = List.copyOf(hints);
        relatedOrigins = List.copyOf(relatedOrigins);
    }

    /** Without hints and related origins, as before they were configurable. */
    public PasskeyConfiguration(String rpId, String rpName, List<String> origins, UserVerificationPolicy userVerification,
                                Duration ceremonyTimeout, String endpointPrefix, boolean signUpAllowed, String loginPage,
                                String defaultRedirect, Duration reauthenticationWindow, int maxRequestBytes,
                                int maxAnonymousCeremonies, boolean groupsFromValidatingStores, List<String> allowedTopOrigins,
                                int failedSignInsBeforeThrottling, Duration groupRefreshInterval, String adminRole) {
        this(rpId, rpName, origins, userVerification, ceremonyTimeout, endpointPrefix, signUpAllowed, loginPage,
                defaultRedirect, reauthenticationWindow, maxRequestBytes, maxAnonymousCeremonies, groupsFromValidatingStores,
                allowedTopOrigins, failedSignInsBeforeThrottling, groupRefreshInterval, adminRole, List.of(), List.of());
    }

    /** The origins whose answers the ceremonies accept: {@link #origins()} and {@link #relatedOrigins()}. */
    public List<String> ceremonyOrigins() {
        return java.util.stream.Stream.concat(origins.stream(), relatedOrigins.stream()).distinct().toList();
    }
}
