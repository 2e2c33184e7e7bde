package org.passkeyee.it.produced;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** TEST-ONLY: the shop's pages. */
public final class ShopServlets {

    private ShopServlets() {
    }

    /** {@code GET /api/whoami}: the caller and their roles, as the container sees them. */
    @WebServlet("/api/whoami")
    @DeclareRoles({ShopSecurity.STAFF, ShopSecurity.CUSTOMER, ShopSecurity.READER})
    public static class WhoAmI extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Principal caller = request.getUserPrincipal();
            response.setContentType("application/json");
            response.getWriter().write("{\"name\":" + (caller == null ? "null" : "\"" + caller.getName() + "\"")
                    + ",\"" + ShopSecurity.STAFF + "\":" + request.isUserInRole(ShopSecurity.STAFF)
                    + ",\"" + ShopSecurity.CUSTOMER + "\":" + request.isUserInRole(ShopSecurity.CUSTOMER)
                    + ",\"" + ShopSecurity.READER + "\":" + request.isUserInRole(ShopSecurity.READER) + "}");
        }
    }
}
