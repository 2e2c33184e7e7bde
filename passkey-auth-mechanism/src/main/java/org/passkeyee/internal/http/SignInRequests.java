package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.SignInDestination;
import org.passkeyee.internal.config.WebXmlLogin;
import org.passkeyee.internal.security.SignIns;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;

/**
 * The requests the mechanism signs callers in with, read and answered: {@code POST {prefix}/login},
 * a sign-up's {@code POST {prefix}/register}, and the application's own
 * {@code SecurityContext.authenticate}. Each is refused first when a page of another site sent it;
 * then {@link SignIns} signs the caller in, and the destination is left on the request (the
 * endpoint servlet, which the container calls next, answers with it). A refusal is answered
 * here and ends the request.
 */
@Singleton
public class SignInRequests {

    private static final Logger LOG = Logger.getLogger(SignInRequests.class.getName());

    private final PasskeyConfiguration configuration;
    private final SignIns signIns;
    private final JsonRequestReader reader;
    private final CrossSiteRequests crossSite;
    private final ReturnToCookie returnTo;

    @Inject
    SignInRequests(PasskeyConfiguration configuration, SignIns signIns) {
        this.configuration = configuration;
        this.signIns = signIns;
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
        this.crossSite = new CrossSiteRequests(configuration.origins());
        this.returnTo = new ReturnToCookie(configuration.ceremonyTimeout());
    }

    /**
     * Remembers the protected page a signed-out browser asked for, for the sign-in answer to lead
     * back to, in a cookie ({@link ReturnToCookie}): nothing is held on the server for it.
     */
    void rememberReturnTo(HttpServletRequest request, HttpServletResponse response) {
        returnTo.remember(request, response);
    }

    /** Whether the browser carries a pending sign-up, which the mechanism completes. */
    boolean isSignUpPending(HttpServletRequest request) {
        return signIns.isSignUpPending(request);
    }

    /** {@code POST {prefix}/login}: a passkey sign-in. */
    AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        try {
            crossSite.refuseIfCrossSite(request, reader);
            ObjectNode body;
            try {
                body = reader.readObject(request);
            } catch (Refusal unreadable) {
                throw signIns.refusedUnread(request, unreadable);
            }
            return signedIn(request, response, signIns.passkey(request, context, body));
        } catch (Refusal refusal) {
            return answer(response, refusal);
        } catch (RuntimeException failure) {
            JsonAnswers.failure(request, response, failure);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** {@code POST {prefix}/register} while a sign-up is pending: the sign-up, which signs the new caller in. */
    AuthenticationStatus signUp(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        try {
            crossSite.refuseIfCrossSite(request, reader);
            ObjectNode body = reader.readObject(request);
            JsonNode credential = body.get("credential");
            if (!(credential instanceof ObjectNode)) {
                throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'credential' must be an object.");
            }
            String label = JsonRequestReader.optionalText(body, "label");
            return signedIn(request, response, signIns.signUp(request, context, credential, label));
        } catch (Refusal refusal) {
            return answer(response, refusal);
        } catch (RuntimeException failure) {
            JsonAnswers.failure(request, response, failure);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /**
     * The application's {@code SecurityContext.authenticate} with its own credential (a password,
     * typically). A refusal returns {@code SEND_FAILURE} and leaves the response to the
     * application's page; so does a request from a page of another site (login forgery), before
     * any store sees the credential.
     */
    AuthenticationStatus signInWith(Credential credential, HttpServletRequest request, HttpServletResponse response,
                                    HttpMessageContext context) {
        if (crossSite.isCrossSite(request)) {
            LOG.fine(() -> "Sign-in refused: a request from another site (Origin " + LogText.header(request.getHeader("Origin")) + ")");
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignIns.SignedIn signedIn = signIns.credential(credential, request, context);
        return signedIn == null ? AuthenticationStatus.SEND_FAILURE : signedIn(request, response, signedIn);
    }

    /**
     * A request with {@code Authorization: Basic} ({@code passkey.basic-auth}): an API client,
     * signed in for this request only. A refusal is a JSON 401 with a Basic challenge (or 429),
     * never a redirect; a request from a page of another site is refused before any store sees
     * the credentials.
     */
    AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        try {
            if (crossSite.isCrossSite(request)) {
                throw new Refusal(PasskeyErrorCode.CROSS_SITE_REQUEST);
            }
            BasicCredentials credentials = BasicCredentials.of(request);
            return signIns.basic(credentials.username(), credentials.password(), request, context);
        } catch (Refusal refusal) {
            if (refusal.code() == PasskeyErrorCode.INVALID_CREDENTIALS) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + configuration.rpId() + "\", charset=\"UTF-8\"");
            }
            return answer(response, refusal);
        }
    }

    /**
     * A web.xml FORM login's {@code POST .../j_security_check} ({@code j_username},
     * {@code j_password}), validated by the application's identity stores: signed in, the
     * container goes on to {@link FormLoginServlet}, which leads back to the page first asked for;
     * refused (a wrong password, a name the policy refuses, too many failures, a page of another
     * site), the browser is shown the form error page, as the container would show it.
     */
    AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                   WebXmlLogin form) {
        if (crossSite.isCrossSite(request)) {
            LOG.fine(() -> "Form sign-in refused: a request from another site (Origin " + LogText.header(request.getHeader("Origin")) + ")");
            return context.forward(form.errorPage());
        }
        SignIns.SignedIn signedIn = signIns.password(request.getParameter("j_username"), request.getParameter("j_password"),
                request, context);
        return signedIn == null ? context.forward(form.errorPage()) : signedIn(request, response, signedIn);
    }

    /**
     * Leaves where the browser goes next ({@link SignInDestination}: the page remembered in
     * {@link ReturnToCookie}, otherwise the default) and, for the endpoint servlet's answer, who
     * signed in ({@link SignInOutcome}).
     */
    private AuthenticationStatus signedIn(HttpServletRequest request, HttpServletResponse response, SignIns.SignedIn signedIn) {
        String remembered = returnTo.take(request, response);
        String destination = remembered != null ? remembered : request.getContextPath() + configuration.defaultRedirect();
        request.setAttribute(SignInDestination.REQUEST_ATTRIBUTE, destination);
        new SignInOutcome(signedIn.caller(), signedIn.newPasskey()).attachTo(request);
        return signedIn.status();
    }

    private static AuthenticationStatus answer(HttpServletResponse response, Refusal refusal) throws IOException {
        JsonAnswers.error(response, refusal);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
