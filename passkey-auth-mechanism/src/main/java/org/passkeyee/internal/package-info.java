/**
 * The implementation; not API. This package holds only the composition root,
 * {@link org.passkeyee.internal.PasskeyExtension}, which switches the module on and hands the
 * resolved configuration to CDI; nothing depends on it.
 *
 * <h2>The layers</h2>
 * Each package uses only those below it ({@code LayersTest} checks it on the compiled classes):
 * <ol>
 *   <li>{@code http}: the one HTTP edge. The only package that reads requests and writes answers,
 *       for the Jakarta Security mechanism and the endpoint servlet alike: bodies read strictly
 *       ({@code JsonRequestReader}), the cross-site check ({@code CrossSiteRequests}), JSON answers
 *       and the one mapping of a refusal or a failure to a status ({@code JsonAnswers}).</li>
 *   <li>{@code security}: signing callers in through the container ({@code SignIns}), the passkey
 *       identity store and the credentials passed to it, which application store vouched for a
 *       name ({@code VouchingStores}), the caller's session state, re-checks, failed-sign-in counts.</li>
 *   <li>{@code ceremony}: both WebAuthn ceremonies with Yubico's library, every check that names
 *       its refusal, decoys, the name policy, limits on new passkeys; {@code ceremony.pending}: started
 *       ceremonies, a stranger's sealed into a cookie of the browser (nothing held on the server), a
 *       signed-in caller's in the HTTP session; taken before they are verified, expiring.</li>
 *   <li>{@code config}: everything the admin configures, read once at start
 *       ({@code ModuleConfiguration}): the only place that reads properties.</li>
 *   <li>{@code shared}: the leaves: {@code Refusal} (a stable code, thrown where the cause is found
 *       and answered unchanged; its status is its code's), the JSON mapper, log text.</li>
 * </ol>
 *
 * <h2>A passkey sign-in, file by file</h2>
 * {@code POST {prefix}/login} with the browser's answer to the options it was given:
 * <ol>
 *   <li>{@code http.PasskeyAuthenticationMechanism}: the container calls it on every request; it
 *       recognises the sign-in and hands it to</li>
 *   <li>{@code http.SignInRequests}: refuses a request of another site, reads the body, calls
 *       {@code SignIns}; afterwards leaves the destination on the request, or answers the refusal;</li>
 *   <li>{@code security.SignIns}: takes the sign-in the browser carries, sealed ({@code ceremony.pending.PendingCeremonies}),
 *       asks the container's identity store handler to validate it, counts a failed guess
 *       ({@code FailedSignIns}), logs the caller in with a new session ID ({@code SessionState});</li>
 *   <li>{@code security.PasskeyIdentityStore}: the handler's first store; runs the ceremony, then
 *       takes the groups of the store that vouched for the name ({@code security.VouchingStores});</li>
 *   <li>{@code ceremony.AuthenticationCeremony}: WebAuthn §7.2: client data checks
 *       ({@code ClientResponseChecks}), the stored passkey and its owner, Yubico's verification of
 *       the signature, the counter recorded in the {@code PasskeyCredentialStore};</li>
 *   <li>{@code http.PasskeyEndpointServlet}, which the container calls next, and
 *       {@code http.CeremonyEndpoints#loginAnswer}: the JSON answer, where to go next.</li>
 * </ol>
 * Eight files on the main line (with {@code VouchingStores} and {@code PendingCeremonies}); the
 * helpers named in brackets each do one step.
 */
package org.passkeyee.internal;
