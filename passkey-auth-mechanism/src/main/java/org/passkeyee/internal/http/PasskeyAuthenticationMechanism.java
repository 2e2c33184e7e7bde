package org.passkeyee.internal.http;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.config.ExistingLogins;
import org.passkeyee.internal.config.WebXmlLogin;
import org.passkeyee.internal.security.ContainerCaller;
import org.passkeyee.internal.security.SessionRecheck;
import org.passkeyee.internal.security.SessionState;
import org.passkeyee.internal.shared.Refusal;

/**
 * The HTTP edge of passkey sign-in. It runs on every request, so each case is a cheap test:
 * <ol>
 *   <li>{@code SecurityContext.authenticate} with a credential: the application's own sign-in
 *       (a password form), validated by its identity stores, so passwords and passkeys live side
 *       by side under this one mechanism ({@link SignInRequests#signInWith});</li>
 *   <li>{@code Authorization: Basic}, where {@code passkey.basic-auth} or a web.xml BASIC login allows it: an API client,
 *       validated by the application's identity stores for this request only
 *       ({@link SignInRequests#basic});</li>
 *   <li>{@code POST .../j_security_check} where {@code web.xml} declares a FORM login: the
 *       application's login page, validated by its identity stores ({@link WebXmlLogin});</li>
 *   <li>{@code POST {prefix}/login}: a passkey sign-in ({@link SignInRequests#signIn});</li>
 *   <li>{@code POST {prefix}/register} while a sign-up is pending: a sign-up that signs the new
 *       caller in ({@link SignInRequests#signUp});</li>
 *   <li>a caller already signed in this session: the container is told again, as Jakarta
 *       Security's {@code @AutoApplySession} does, after the caller was checked again when that
 *       is due ({@link SessionRecheck}; a caller who fails it is signed out and goes on below), with
 *       exactly the groups recorded for the session ({@link ContainerCaller});</li>
 *   <li>a protected resource asked for while signed out: the passkey endpoints, the login page and
 *       the sign-in's Faces resources are served anyway, where a catch-all constraint of the
 *       application covers them ({@link EndpointPaths#isOpenToSignedOut}); otherwise a JSON 401
 *       for clients that want JSON, or the login page (web.xml's FORM page, forwarded, or else a
 *       redirect to the passkey login page), remembering the page;</li>
 *   <li>anything else: nothing.</li>
 * </ol>
 * Every other passkey endpoint is served by the endpoint servlet.
 */
@Singleton
public class PasskeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final PasskeyConfiguration configuration;
    private final EndpointPaths paths;
    private final SignInRequests logins;
    private final SessionRecheck recheck;
    private final ExistingLogins existingLogins;

    @Inject
    PasskeyAuthenticationMechanism(PasskeyConfiguration configuration, SignInRequests logins, SessionRecheck recheck,
                                   ExistingLogins existingLogins) {
        this.configuration = configuration;
        this.existingLogins = existingLogins;
        this.paths = new EndpointPaths(configuration.endpointPrefix());
        this.logins = logins;
        this.recheck = recheck;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try {
            Credential credential = context.isAuthenticationRequest() && context.getAuthParameters() != null
                    ? context.getAuthParameters().getCredential() : null;
            if (credential != null) {
                return logins.signInWith(credential, request, response, context);
            }
            WebXmlLogin webXml = WebXmlLogin.of(request.getServletContext());
            if ((existingLogins.basicAuth() || webXml.isBasic()) && BasicCredentials.arePresent(request)) {
                return logins.basic(request, response, context);
            }
            if (webXml.isFormPost(request)) {
                return logins.formLogin(request, response, context, webXml);
            }
            if (paths.isSignIn(request)) {
                return logins.signIn(request, response, context);
            }
            if (paths.isRegistration(request) && logins.isSignUpPending(request)) {
                return logins.signUp(request, response, context);
            }
            Principal caller = request.getUserPrincipal();
            if (caller != null && recheck.stillSignedIn(request, caller.getName())) {
                return ContainerCaller.continueSession(context, caller, SessionState.callerGroups(request),
                        SessionState.keepsContainerRealmGroups(request));
            }
            if (context.isProtected()) {
                if (paths.isOpenToSignedOut(request, configuration.loginPage())
                        || webXml.isForm() && isOneOf(request, webXml.loginPage(), webXml.errorPage())) {
                    // A forward is not subject to the constraints that cover the request, as with a
                    // container FORM login's login page: the target serves itself, signed out.
                    return context.forward(EndpointPaths.target(request));
                }
                return askToSignIn(request, response, context, webXml);
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException("Could not answer a passkey request", e);
        }
    }

    /**
     * A signed-out caller asked for a protected resource: a JSON 401 for scripts; a browser is
     * shown the login page, remembering what it asked for: the web.xml FORM login page where
     * there is one (forwarded, as the container would), otherwise redirected to the passkey login
     * page.
     */
    private AuthenticationStatus askToSignIn(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context, WebXmlLogin webXml) throws IOException {
        if (wantsJson(request)) {
            JsonAnswers.error(response, new Refusal(PasskeyErrorCode.NOT_AUTHENTICATED));
            return AuthenticationStatus.SEND_FAILURE;
        }
        logins.rememberReturnTo(request, response);
        return webXml.isForm() ? context.forward(webXml.loginPage())
                : context.redirect(request.getContextPath() + configuration.loginPage());
    }

    private static boolean isOneOf(HttpServletRequest request, String... pages) {
        String path = EndpointPaths.pathWithinApplication(request);
        for (String page : pages) {
            if (path.equals(page)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        boolean asksJson = accept != null && accept.contains("application/json") && !accept.contains("text/html");
        return asksJson || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }
}
