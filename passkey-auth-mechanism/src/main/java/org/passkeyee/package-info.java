/**
 * Passkeys for Jakarta EE: sign-in with passkeys (WebAuthn) through the container's own security.
 *
 * <h2>Using it</h2>
 * <ul>
 *   <li>Put {@link org.passkeyee.PasskeyAuthenticationMechanismDefinition} on one application bean. That
 *       switches on a Jakarta Security {@code HttpAuthenticationMechanism}, an {@code IdentityStore} that
 *       validates passkeys, and the JSON endpoints under {@code /passkey}. Callers who signed in with a
 *       passkey are ordinary container callers: {@code getUserPrincipal()}, {@code isUserInRole()},
 *       {@code @RolesAllowed} and {@code web.xml} constraints work as usual, and the application's other
 *       identity stores still provide their groups: those that only provide groups through the
 *       container; of those that also validate (the database and LDAP definitions' default), the one
 *       that vouched for the name when the passkey was added, through its {@code getCallerGroups}
 *       ({@link org.passkeyee.PasskeyUser#vouchedBy()},
 *       {@link org.passkeyee.PasskeyAuthenticationMechanismDefinition#groupsFromValidatingStores()}).
 *       Every name passes one policy before any store sees it (no LDAP metacharacters, no invisible
 *       or look-alike characters).</li>
 *   <li>Provide a {@link org.passkeyee.PasskeyCredentialStore} bean: {@code passkey-persistence} has a JPA one.</li>
 *   <li>To let people create accounts with a passkey, or to switch accounts off
 *       ({@link org.passkeyee.PasskeyAccounts#maySignIn}), implement {@link org.passkeyee.PasskeyAccounts}.</li>
 *   <li>Observe {@link org.passkeyee.PasskeyRegistered}, {@link org.passkeyee.PasskeySignedIn},
 *       {@link org.passkeyee.PasskeySignInFailed}, {@link org.passkeyee.PasskeySignInThrottled},
 *       {@link org.passkeyee.PasskeyRenamed}, {@link org.passkeyee.PasskeyDeleted} and
 *       {@link org.passkeyee.PasskeyAccountDeleted} to audit and alert.</li>
 * </ul>
 *
 * <h2>What it checks</h2>
 * Every ceremony checks challenge (random, 32 bytes, single use, expiring), client data type, origin,
 * RP ID hash, user presence, user verification where required, signature and signature count, using
 * Yubico's {@code webauthn-server-core}; refusals carry a stable {@link org.passkeyee.PasskeyErrorCode}.
 *
 * <h2>What it does not do</h2>
 * <ul>
 *   <li>Account management beyond passkeys: groups, recovery, e-mail verification are the application's.</li>
 *   <li>Validate passwords itself: a password form ({@code SecurityContext.authenticate}), a {@code web.xml}
 *       FORM login's {@code j_security_check} and HTTP Basic ({@code passkey.basic-auth}) are carried on, but
 *       validated by the application's identity stores; a server realm needs one (on Payara Server,
 *       {@code @RealmIdentityStoreDefinition}; on WildFly, {@code passkey.elytron-realm=true}).</li>
 *   <li>Share accounts between applications: each keeps its own, even on one datasource, unless an admin
 *       gives them one store scope ({@link org.passkeyee.PasskeyCredentialStore}).</li>
 * </ul>
 *
 * <p>The package {@code org.passkeyee.internal} is the implementation and not API.
 */
package org.passkeyee;
