package org.passkeyee.it.support;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * TEST-ONLY servlet, added to a deployed WAR by the tests: {@code POST} with a {@code username}
 * parameter makes that passkey account look as schema version 2 stored it, with no vouching store
 * ({@code VOUCHED_BY} NULL), as an upgraded database holds its older accounts. Answers 204, or 404
 * when no account has the name.
 */
@WebServlet(SchemaTwoRowServlet.PATH)
public class SchemaTwoRowServlet extends HttpServlet {

    /** Where the servlet is mapped, relative to the context root. */
    public static final String PATH = "/test-support/schema-2-row";

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE PASSKEY_USER SET VOUCHED_BY = NULL WHERE USERNAME = ?")) {
            update.setString(1, request.getParameter("username"));
            response.setStatus(update.executeUpdate() == 1 ? 204 : 404);
        } catch (SQLException e) {
            throw new ServletException("cannot change the passkey account", e);
        }
    }
}
