/**
 * Jakarta Faces widgets for passkeys, to drop into the pages an application already has.
 *
 * <h2>The tags</h2>
 * Declare {@code xmlns:pk="https://passkeyee.org/faces"} and use:
 * <ul>
 *   <li>{@code <pk:signIn for="username"/>} ({@link org.passkeyee.faces.PasskeySignIn}): passkey
 *       autofill in the page's own username input, plus a "Sign in with a passkey" button; fits
 *       inside an existing {@code h:form} next to a password field;</li>
 *   <li>{@code <pk:register/>} and {@code <pk:register mode="signUp"/>}
 *       ({@link org.passkeyee.faces.PasskeyRegistration}): add a passkey, or create an account with one;</li>
 *   <li>{@code <pk:upgrade/>} ({@link org.passkeyee.faces.PasskeyUpgrade}): after a password sign-in,
 *       offer a passkey (conditional create where the browser supports it);</li>
 *   <li>{@code <pk:manage/>} ({@link org.passkeyee.faces.PasskeyManager}): the caller's passkeys,
 *       rename in place, delete with confirmation.</li>
 * </ul>
 *
 * <h2>How they work</h2>
 * Each widget is a component, a renderer and a script of its own in
 * {@code META-INF/resources/passkeyee/} (the resource library {@code passkeyee}): {@code signin.js},
 * {@code register.js}, {@code upgrade.js}, {@code manage.js}, on top of {@code core.js}, which they all
 * share (requests and the server's error codes, texts of failures, step-up and
 * {@code passkeyee.stepUp()}, start-up). A component declares the shared script, its own and the
 * stylesheet as resource dependencies (names in {@code PasskeyResources}), so a page gets each once,
 * the shared one first. The renderer writes plain HTML and the widget's settings as {@code data-*}
 * attributes; the scripts find the widgets when the page has loaded and talk to the core's JSON
 * endpoints, whose prefix comes from the injectable {@link org.passkeyee.PasskeyConfiguration}. No
 * inline script is written.
 *
 * <h2>Texts, looks, accessibility</h2>
 * Texts come from {@code org/passkeyee/faces/messages.properties} (English) and {@code _de} (German),
 * in the view's locale; an application overrides any of them in its own message bundle under the key
 * prefixed with {@code passkeyee.} (see {@link org.passkeyee.faces.PasskeyMessages}). The optional
 * stylesheet {@code passkeyee.css} has zero specificity, so the application's CSS always wins; its
 * header lists the CSS classes. Every input has a label, results are announced through a polite live
 * region, and everything works with the keyboard alone.
 *
 * <h2>What this package does not do</h2>
 * <ul>
 *   <li>Sign anyone in by itself: the core's mechanism does, through the container.</li>
 *   <li>Password sign-in: the application's own form calls {@code SecurityContext.authenticate}.</li>
 *   <li>Work without JavaScript: without it the widgets stay inert, and a password form beside them
 *       keeps working.</li>
 * </ul>
 */
package org.passkeyee.faces;
