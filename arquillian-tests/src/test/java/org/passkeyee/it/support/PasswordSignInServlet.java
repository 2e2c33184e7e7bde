package org.passkeyee.it.support;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * TEST-ONLY, deployed in the test applications: {@code POST /signin} (form: username, password),
 * the application's own password sign-in, validated by its identity stores through
 * {@code SecurityContext.authenticate}. Answers {@code {"signedIn":true}} (200) or 401.
 */
@WebServlet("/signin")
public class PasswordSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(request.getParameter("username"),
                        new Password(request.getParameter("password"))))
                .newAuthentication(true));
        boolean signedIn = status == AuthenticationStatus.SUCCESS;
        response.setStatus(signedIn ? 200 : 401);
        response.setContentType("application/json");
        response.getWriter().write("{\"signedIn\":" + signedIn + "}");
    }
}
