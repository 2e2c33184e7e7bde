package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.config.ExistingLogins;
import org.passkeyee.internal.config.WebXmlLogin;
import org.passkeyee.internal.security.SessionRecheck;

class PasskeyAuthenticationMechanismTest {

    private final SignInRequests logins = mock(SignInRequests.class);
    private final HttpMessageContext context = mock(HttpMessageContext.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final SessionRecheck recheck = mock(SessionRecheck.class);
    private final PasskeyAuthenticationMechanism mechanism = new PasskeyAuthenticationMechanism(configuration(), logins, recheck,
            new ExistingLogins(false));
    private final PasskeyAuthenticationMechanism withBasic = new PasskeyAuthenticationMechanism(configuration(), logins, recheck,
            new ExistingLogins(true));

    PasskeyAuthenticationMechanismTest() throws Exception {
        when(response.getOutputStream()).thenReturn(new CapturingStream(body));
        when(recheck.stillSignedIn(any(), any())).thenReturn(true);
        when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
        when(context.redirect(any())).thenReturn(AuthenticationStatus.SEND_CONTINUE);
        when(context.forward(any())).thenReturn(AuthenticationStatus.SEND_CONTINUE);
    }

    @Test
    void validateRequestWhenBasicCredentialsAndBasicAuthIsOnThenTheApiClientSignsIn() throws Exception {
        HttpServletRequest request = request("GET", "/app", "/app/api/orders");
        when(request.getHeader("Authorization")).thenReturn("Basic am9lOnNlY3JldDE=");
        when(logins.basic(request, response, context)).thenReturn(AuthenticationStatus.SUCCESS);

        assertEquals(AuthenticationStatus.SUCCESS, withBasic.validateRequest(request, response, context));
    }

    @Test
    void validateRequestWhenBasicCredentialsButBasicAuthIsOffThenTheyAreNotLookedAt() throws Exception {
        HttpServletRequest request = request("GET", "/app", "/app/api/orders");
        when(request.getHeader("Authorization")).thenReturn("Basic am9lOnNlY3JldDE=");
        when(context.isProtected()).thenReturn(true);

        mechanism.validateRequest(request, response, context);

        verify(logins, never()).basic(any(), any(), any());
        verify(context).redirect("/app/login.html");
    }

    @Test
    void validateRequestWhenACatchAllConstraintCoversTheSignInsOwnPathsThenTheyAreServedSignedOut() throws Exception {
        for (String uri : List.of("/app/passkey/login/options", "/app/login.html", "/app/.well-known/webauthn")) {
            HttpServletRequest request = request("POST", "/app", uri);
            when(context.isProtected()).thenReturn(true);

            assertEquals(AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context), uri);
            verify(context).forward(uri.substring("/app".length()));
        }
        HttpServletRequest script = request("GET", "/app", "/app/jakarta.faces.resource/core.js.xhtml");
        when(script.getQueryString()).thenReturn("ln=passkeyee");
        when(script.getParameter("ln")).thenReturn("passkeyee");
        mechanism.validateRequest(script, response, context);
        verify(context).forward("/jakarta.faces.resource/core.js.xhtml?ln=passkeyee");
        verify(context, never()).redirect(any());
    }

    @Test
    void validateRequestWhenWebXmlHasAFormLoginThenSignedOutBrowsersSeeItsPageAndItsPostsSignIn() throws Exception {
        WebXmlLogin form = new WebXmlLogin("FORM", "file", "/auth/login.html", "/auth/error.html");
        HttpServletRequest page = request("GET", "/app", "/app/secure/orders");
        withWebXml(page, form);
        when(context.isProtected()).thenReturn(true);

        assertEquals(AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(page, response, context));
        verify(context).forward("/auth/login.html");
        verify(logins).rememberReturnTo(page, response);
        verify(context, never()).redirect(any());

        HttpServletRequest post = request("POST", "/app", "/app/auth/j_security_check");
        withWebXml(post, form);
        when(logins.formLogin(post, response, context, form)).thenReturn(AuthenticationStatus.SUCCESS);
        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(post, response, context));

        HttpServletRequest errorPage = request("GET", "/app", "/app/auth/error.html");
        withWebXml(errorPage, form);
        mechanism.validateRequest(errorPage, response, context);
        verify(context).forward("/auth/error.html");
    }

    @Test
    void validateRequestWhenWebXmlHasABasicLoginThenBasicCredentialsAreHonouredWithoutTheSetting() throws Exception {
        HttpServletRequest request = request("GET", "/app", "/app/api/orders");
        withWebXml(request, new WebXmlLogin("BASIC", null, null, null));
        when(request.getHeader("Authorization")).thenReturn("Basic am9lOnNlY3JldDE=");
        when(logins.basic(request, response, context)).thenReturn(AuthenticationStatus.SUCCESS);

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    }

    private static void withWebXml(HttpServletRequest request, WebXmlLogin login) {
        jakarta.servlet.ServletContext application = mock(jakarta.servlet.ServletContext.class);
        when(application.getAttribute(WebXmlLogin.ATTRIBUTE)).thenReturn(login);
        when(request.getServletContext()).thenReturn(application);
    }

    @Test
    void validateRequestWhenAPathOnlyLooksLikeTheSignInsOwnThenItStaysProtected() throws Exception {
        String[][] lookalikes = {
                {"/app/passkey/../admin/report", "/admin/report"},        // the container matched /admin/report
                {"/app/passkey/%2e%2e/WEB-INF/web.xml", "/passkey/../WEB-INF/web.xml"},
                {"/app/passkeys/export", "/passkeys/export"},
                {"/app/login.html/../admin", "/admin"}};
        when(context.isProtected()).thenReturn(true);
        for (String[] lookalike : lookalikes) {
            HttpServletRequest request = request("GET", "/app", lookalike[0]);
            when(request.getServletPath()).thenReturn(lookalike[1]);

            mechanism.validateRequest(request, response, context);
        }

        verify(context, never()).forward(any());
    }

    @Test
    void validateRequestWhenACatchAllConstraintCoversTheApplicationsOwnResourcesThenTheyStayProtected() throws Exception {
        HttpServletRequest stylesheet = request("GET", "/app", "/app/jakarta.faces.resource/secret-report.css.xhtml");
        when(stylesheet.getParameter("ln")).thenReturn("reports");
        when(context.isProtected()).thenReturn(true);

        mechanism.validateRequest(stylesheet, response, context);

        verify(context, never()).forward(any());
        verify(context).redirect("/app/login.html");
    }

    @Test
    void validateRequestWhenLoginPostThenTheSignInRuns() throws Exception {
        HttpServletRequest request = request("POST", "/app", "/app/passkey/login");
        when(logins.signIn(request, response, context)).thenReturn(AuthenticationStatus.SUCCESS);

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    }

    @Test
    void validateRequestWhenTheApplicationAuthenticatesWithAPasswordThenItsIdentityStoresDecide() throws Exception {
        HttpServletRequest request = request("POST", "", "/login.xhtml");
        UsernamePasswordCredential password = new UsernamePasswordCredential("alice", "secret");
        when(context.isAuthenticationRequest()).thenReturn(true);
        when(context.getAuthParameters()).thenReturn(AuthenticationParameters.withParams().credential(password));
        when(logins.signInWith(password, request, response, context)).thenReturn(AuthenticationStatus.SUCCESS);

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    }

    @Test
    void validateRequestWhenLoginIsNotAPostThenNoSignIn() throws Exception {
        HttpServletRequest request = request("GET", "/app", "/app/passkey/login");

        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request, response, context));
        verify(logins, never()).signIn(any(), any(), any());
    }

    @Test
    void validateRequestWhenRegistrationPostWithSignUpPendingThenTheSignUpRuns() throws Exception {
        HttpServletRequest request = request("POST", "", "/passkey/register");
        when(logins.isSignUpPending(request)).thenReturn(true);
        when(logins.signUp(request, response, context)).thenReturn(AuthenticationStatus.SUCCESS);

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    }

    @Test
    void validateRequestWhenRegistrationPostAddsAPasskeyThenLeftToTheServlet() throws Exception {
        HttpServletRequest request = request("POST", "", "/passkey/register");
        when(logins.isSignUpPending(request)).thenReturn(false);

        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request, response, context));
        verify(logins, never()).signUp(any(), any(), any());
    }

    @Test
    void validateRequestWhenOtherEndpointsOrLookalikePathsThenNothingHappens() throws Exception {
        for (String uri : List.of("/passkey/login/options", "/passkeylogin", "/other/passkey/login", "/passkey/login/")) {
            HttpServletRequest request = request("POST", "", uri);

            assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request, response, context), uri);
        }
        verify(logins, never()).signIn(any(), any(), any());
    }

    @Test
    void validateRequestWhenCallerSignedInThisSessionThenTheContainerIsToldAgain() throws Exception {
        HttpServletRequest request = request("GET", "", "/account/");
        when(request.getUserPrincipal()).thenReturn(() -> "alice");
        when(context.getHandler()).thenReturn(mock(CallbackHandler.class));
        when(context.getClientSubject()).thenReturn(new Subject());

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
        verify(context.getHandler()).handle(any());
    }

    @Test
    void validateRequestWhenProtectedPageWhileSignedOutThenRedirectToTheLoginPageRememberingIt() throws Exception {
        HttpServletRequest request = request("GET", "/app", "/app/account/settings");
        when(request.getQueryString()).thenReturn("tab=keys");
        when(context.isProtected()).thenReturn(true);

        assertEquals(AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context));
        verify(context).redirect("/app/login.html");
        verify(logins).rememberReturnTo(request, response);
        assertEquals("/app/account/settings?tab=keys", ReturnToCookie.pageOf(request));
    }

    @Test
    void validateRequestWhenProtectedResourceAskedForJsonThen401Json() throws Exception {
        HttpServletRequest request = request("GET", "", "/api/me");
        when(request.getHeader("Accept")).thenReturn("application/json");
        when(context.isProtected()).thenReturn(true);

        assertEquals(AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
        verify(response).setStatus(401);
        assertTrue(body.toString().contains("\"error\":\"not_authenticated\""), body.toString());
        verify(context, never()).redirect(any());
    }

    @Test
    void validateRequestWhenUnprotectedAndSignedOutThenNothingAndNoSession() throws Exception {
        HttpServletRequest request = request("GET", "", "/index.html");

        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request, response, context));
        verify(request, never()).getSession(true);
        verifyNoInteractions(logins);
    }

    private static HttpServletRequest request(String method, String contextPath, String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getContextPath()).thenReturn(contextPath);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getServletPath()).thenReturn(uri.substring(contextPath.length()));
        return request;
    }

    private static PasskeyConfiguration configuration() {
        return new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 50_000, true, List.of(), 5, Duration.ofMinutes(5), "");
    }

    private static final class CapturingStream extends ServletOutputStream {
        private final ByteArrayOutputStream target;

        CapturingStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
