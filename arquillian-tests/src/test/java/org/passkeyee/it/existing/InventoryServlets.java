package org.passkeyee.it.existing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** TEST-ONLY: the application's servlets, as small as they can be. */
final class InventoryServlets {

    private InventoryServlets() {
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }

    /** {@code GET /api/items}: the item count, read through the unnamed persistence context. */
    @WebServlet("/api/items")
    public static class Items extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Inject
        transient Inventory inventory;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            json(response, 200, Json.createObjectBuilder().add("items", inventory.countItems()).build().toString());
        }
    }

    /** {@code GET /api/whoami}: the caller and their roles, as the container sees them. */
    @WebServlet("/api/whoami")
    @DeclareRoles({Inventory.STAFF, BadgeIdentityStore.MANAGERS})
    public static class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Principal caller = request.getUserPrincipal();
            json(response, 200, Json.createObjectBuilder()
                    .add("name", caller == null ? "" : caller.getName())
                    .add(Inventory.STAFF, request.isUserInRole(Inventory.STAFF))
                    .add(BadgeIdentityStore.MANAGERS, request.isUserInRole(BadgeIdentityStore.MANAGERS))
                    .build().toString());
        }
    }

    /** {@code GET /staff/desk}: only for the group {@value Inventory#STAFF}. */
    @WebServlet("/staff/desk")
    @ServletSecurity(@HttpConstraint(rolesAllowed = Inventory.STAFF))
    public static class StaffDesk extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            json(response, 200, "{\"page\":\"staff desk\"}");
        }
    }

    /** {@code GET /managers/office}: only for the group {@value BadgeIdentityStore#MANAGERS}. */
    @WebServlet("/managers/office")
    @ServletSecurity(@HttpConstraint(rolesAllowed = BadgeIdentityStore.MANAGERS))
    public static class ManagersOffice extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            json(response, 200, "{\"page\":\"managers office\"}");
        }
    }

    /** {@code POST /admin/disable} (form: username): an administrator marks a person as gone. */
    @WebServlet("/admin/disable")
    @ServletSecurity(@HttpConstraint(rolesAllowed = BadgeIdentityStore.MANAGERS))
    public static class Disable extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Inject
        transient Inventory inventory;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            inventory.disable(request.getParameter("username"));
            json(response, 200, "{\"disabled\":true}");
        }
    }

    /** {@code GET /test-support/passkey-users}: the usernames in PASSKEY_USER of the application's own datasource. */
    @WebServlet("/test-support/passkey-users")
    public static class PasskeyUsers extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Resource(lookup = "java:app/jdbc/InventoryDS")
        transient DataSource inventory;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            JsonArrayBuilder names = Json.createArrayBuilder();
            try (Connection connection = inventory.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT USERNAME FROM PASSKEY_USER ORDER BY USERNAME")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            json(response, 200, Json.createObjectBuilder().add("usernames", names).build().toString());
        }
    }
}
