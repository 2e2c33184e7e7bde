package org.passkeyee;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Switches passkey sign-in on for the application and configures it.
 *
 * <p>Put it on one CDI bean of the application, in the style of Jakarta Security's
 * {@code ...MechanismDefinition} annotations:
 * <pre>{@code
 * @ApplicationScoped
 * @PasskeyAuthenticationMechanismDefinition(
 *         rpId = "example.com",
 *         rpName = "Example",
 *         origins = "https://example.com",
 *         loginPage = "/login.html")
 * public class SecurityConfiguration {
 * }
 * }</pre>
 *
 * <p>An admin can override every attribute without rebuilding: each attribute has a property
 * name (given on the attribute), read from MicroProfile Config where the server has it
 * (system properties, environment variables, {@code META-INF/microprofile-config.properties})
 * and from system properties otherwise. A property that is set wins over the annotation.
 * Lists are comma-separated; durations are whole seconds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PasskeyAuthenticationMechanismDefinition {

    /**
     * Relying party ID: the registrable domain the passkeys are bound to, e.g. {@code example.com}.
     * Must be a registrable suffix of every web origin. Property {@code passkey.rp-id}.
     */
    String rpId();

    /** Relying party name shown by some authenticators. Property {@code passkey.rp-name}. */
    String rpName() default "";

    /**
     * Origins whose WebAuthn responses are accepted, e.g. {@code https://example.com}; also
     * {@code android:apk-key-hash:...} origins of native apps. Property {@code passkey.origins}.
     */
    String[] origins();

    /** User verification asked of authenticators. Property {@code passkey.user-verification}. */
    UserVerificationPolicy userVerification() default UserVerificationPolicy.PREFERRED;

    /**
     * Seconds a started ceremony stays valid; the challenge is refused afterwards.
     * Property {@code passkey.ceremony-timeout}.
     */
    int ceremonyTimeoutSeconds() default 300;

    /**
     * Path, relative to the context root, under which the passkey endpoints are served.
     * Property {@code passkey.endpoint-prefix}.
     */
    String endpointPrefix() default "/passkey";

    /**
     * Whether anonymous callers may create an account with a passkey. Needs a
     * {@link PasskeyAccounts} bean as well. Property {@code passkey.sign-up-allowed}.
     */
    boolean signUpAllowed() default false;

    /**
     * Page (relative to the context root) a signed-out browser is sent to when it asks for a
     * protected page. Property {@code passkey.login-page}.
     */
    String loginPage() default "/login.html";

    /**
     * Where the sign-in answer points when the sign-in was not forced by a protected page.
     * Property {@code passkey.default-redirect}.
     */
    String defaultRedirect() default "/";

    /**
     * Seconds after a sign-in during which the caller may add, rename or delete passkeys, so that
     * a stolen session cannot quietly add an attacker's key or remove the owner's. Property {@code passkey.reauthentication-window}.
     */
    int reauthenticationWindowSeconds() default 300;

    /**
     * Largest accepted request body in bytes for the passkey endpoints.
     * Property {@code passkey.max-request-bytes}.
     */
    int maxRequestBytes() default 65536;

    /**
     * No longer used, and ignored with a warning at start when set: it capped the sessions held
     * for anonymous ceremonies, and a stranger's ceremony now holds nothing on the server (it is
     * sealed into the browser with {@code passkey.ceremony-key}), so there is nothing to cap. Kept
     * so that applications that set it still compile; remove it from yours.
     * Property {@code passkey.max-anonymous-ceremonies} (equally ignored).
     *
     * @deprecated strangers' ceremonies hold nothing on the server; nothing to cap
     */
    @Deprecated
    int maxAnonymousCeremonies() default 50_000;

    /**
     * Whether a passkey caller also gets the groups of the application's identity stores that
     * both validate and provide groups (Jakarta Security's default for its database and LDAP
     * stores, and for most hand-written ones), by asking their {@code getCallerGroups} for the
     * caller name: a person who signed in with a password before keeps their groups with a
     * passkey. Stores that only provide groups are asked by the container either way. Set
     * {@code false} where a name in another store may belong to another person than the passkey
     * account of that name (see the README's security notes).
     * Property {@code passkey.groups-from-validating-stores}.
     */
    boolean groupsFromValidatingStores() default true;

    /**
     * Top-level origins of other sites that may embed the sign-in or registration in a frame,
     * e.g. {@code https://portal.example.net}. By default none: a ceremony whose client data says
     * it ran in a cross-origin frame ({@code crossOrigin: true}, or a {@code topOrigin}) is refused
     * ({@code cross_origin_not_allowed}, WebAuthn Level 3 &sect;7.1 step 9 and &sect;7.2 step 13),
     * so that a hostile page cannot frame your login. Property {@code passkey.allowed-top-origins}.
     */
    String[] allowedTopOrigins() default {};

    /**
     * How many failed sign-ins a passkey, or a username asked for at a username-first sign-in,
     * may have within 15 minutes of each other before each further failure is answered
     * {@code 429 too_many_failed_sign_ins} with a {@code Retry-After} that doubles from 1 second
     * to 15 minutes, and a {@code PasskeySignInThrottled} event is fired. A valid passkey response
     * always signs in (and clears the count): the owner is never locked out. Counted per server.
     * Property {@code passkey.failed-sign-ins-before-throttling}.
     */
    int failedSignInsBeforeThrottling() default 5;

    /**
     * How often, in seconds, a signed-in session's caller is checked again: whether their
     * passkey account still exists, whether {@link PasskeyAccounts#maySignIn} still allows them,
     * and which groups their vouching identity store and the group-only stores give them now. A
     * person disabled in the application's directory is signed out within this time, and a
     * change of groups takes effect within it. Property {@code passkey.group-refresh-interval}.
     */
    int groupRefreshSeconds() default 300;

    /**
     * The role whose callers may delete passkey accounts with all their passkeys
     * ({@code POST {prefix}/accounts/delete}, see the admin guide's offboarding section). Empty,
     * the default: nobody may, and the endpoint answers 404. Property {@code passkey.admin-role}.
     */
    String adminRole() default "";

    /**
     * Hints to browsers on how the ceremonies are best completed, in order of preference:
     * {@code security-key}, {@code client-device}, {@code hybrid}
     * (<a href="https://www.w3.org/TR/webauthn-3/#enum-hints">WebAuthn §5.8.7</a>). The default for
     * every options request that names none; a page or widget may name its own. None by default.
     * Property {@code passkey.hints}.
     */
    String[] hints() default {};

    /**
     * Other origins that may use this RP ID (WebAuthn's related origin requests): each is accepted
     * in ceremonies, and may be an origin of {@link #origins()} whose host is not under the RP ID.
     * The RP ID's host must list them in {@code /.well-known/webauthn}, which the module serves
     * when the application is at the root context. None by default. Property
     * {@code passkey.related-origins}.
     */
    String[] relatedOrigins() default {};
}
