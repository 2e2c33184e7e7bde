package org.passkeyee.it.directory;

import jakarta.annotation.security.DeclareRoles;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** TEST-ONLY: the directory application's who-am-I (its password sign-in is {@link org.passkeyee.it.support.PasswordSignInServlet}). */
final class DirectoryServlets {

    static final String ADMINS = "admins";
    static final String USERS = "users";

    private DirectoryServlets() {
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }

    /** {@code GET /api/whoami}: the caller and their roles, as the container sees them. */
    @WebServlet("/api/whoami")
    @DeclareRoles({ADMINS, USERS})
    public static class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Principal caller = request.getUserPrincipal();
            json(response, 200, Json.createObjectBuilder()
                    .add("name", caller == null ? "" : caller.getName())
                    .add(ADMINS, request.isUserInRole(ADMINS))
                    .add(USERS, request.isUserInRole(USERS))
                    .build().toString());
        }
    }
}
