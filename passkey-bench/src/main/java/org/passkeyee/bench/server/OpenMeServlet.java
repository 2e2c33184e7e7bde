package org.passkeyee.bench.server;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * BENCHMARK PROBE, packed only into the benchmark's copy of the sample WAR and into a WAR without
 * the passkey module: the unprotected twin of the sample's {@code GET /api/me}, doing the same
 * work (the caller's name and roles as JSON) without any security constraint. Comparing the two
 * gives the cost of the mechanism and the constraint on an ordinary request.
 */
@WebServlet(OpenMeServlet.PATH)
public class OpenMeServlet extends HttpServlet {

    /** Where the twin is mapped, relative to the context root. */
    public static final String PATH = "/bench/open/me";

    private static final long serialVersionUID = 1L;
    /** Built once: {@code Json.create...} looks the JSON-P provider up through the class loader on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final List<String> ROLES = List.of("user", "admin");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        ROLES.stream().filter(request::isUserInRole).forEach(roles::add);
        Principal caller = request.getUserPrincipal();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("name", caller == null ? "anonymous" : caller.getName())
                .add("roles", roles)
                .build()
                .toString());
    }
}
