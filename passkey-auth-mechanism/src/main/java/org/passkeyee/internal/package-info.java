/**
 * The implementation; not API. A sign-in, followed from the container down:
 * <ol>
 *   <li>{@code security.PasskeyAuthenticationMechanism}: the Jakarta Security edge, called on every
 *       request; hands a passkey sign-in or a completed sign-up to {@code security.CeremonyLogins}.</li>
 *   <li>{@code security.CeremonyLogins}: takes the pending ceremony, asks the container's identity
 *       store handler to validate, counts failures ({@code security.FailedSignIns}), logs the caller in.</li>
 *   <li>{@code security.PasskeyIdentityStore}: validates the passkey by running
 *       {@code ceremony.AuthenticationCeremony}, and adds the groups of the application's stores.</li>
 *   <li>{@code ceremony.AuthenticationCeremony}: WebAuthn §7.2 with Yubico's library, on the
 *       {@code PasskeyCredentialStore}; pending ceremonies live in {@code ceremony.pending}.</li>
 * </ol>
 * The packages:
 * <ul>
 *   <li>this one: what all share: {@link org.passkeyee.internal.shared.Refusal} (a refusal's code and status,
 *       decided where it is thrown and written unchanged at the edge), the JSON mapper, log text, and
 *       the CDI extension that switches the module on;</li>
 *   <li>{@code config}: the annotation and admin overrides resolved into one {@code PasskeyConfiguration};</li>
 *   <li>{@code security}: the mechanism, the identity store, the credentials they pass, session state,
 *       cross-site and failed-sign-in checks;</li>
 *   <li>{@code ceremony}: both ceremonies, the checks that name their refusals, decoys, limits on new
 *       passkeys, Yubico's relying party and its view of the store;</li>
 *   <li>{@code ceremony.pending}: started ceremonies kept in the HTTP session, single use and bounded;</li>
 *   <li>{@code http}: the endpoint servlet, its endpoints, JSON in and out.</li>
 * </ul>
 */
package org.passkeyee.internal;
