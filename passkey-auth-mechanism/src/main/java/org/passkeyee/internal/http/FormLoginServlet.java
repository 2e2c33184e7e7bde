package org.passkeyee.internal.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.passkeyee.SignInDestination;

/**
 * Answers a {@code j_security_check} post that the mechanism signed in: {@code 303} to the page
 * the browser asked for before it was shown the login page (or the default), as a container's
 * FORM login does. A post it refused never gets here (the mechanism shows the error page), nor
 * does one while the application has no FORM {@code login-config} (the servlet is not mapped).
 */
final class FormLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Object destination = request.getAttribute(SignInDestination.REQUEST_ATTRIBUTE);
        response.setStatus(destination == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_SEE_OTHER);
        if (destination != null) {
            response.setHeader("Location", destination.toString());
        }
    }
}
