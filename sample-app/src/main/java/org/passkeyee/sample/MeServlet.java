package org.passkeyee.sample;

import jakarta.annotation.security.DeclareRoles;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code GET /api/me}: who the container says the caller is, and which roles they have. */
@WebServlet("/api/me")
@DeclareRoles({"user", "admin"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Built once: {@code Json.create...} looks the JSON-P provider up through the class loader on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final List<String> ROLES = List.of("user", "admin");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        ROLES.stream().filter(request::isUserInRole).forEach(roles::add);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("name", request.getUserPrincipal().getName())
                .add("roles", roles)
                .build()
                .toString());
    }
}
