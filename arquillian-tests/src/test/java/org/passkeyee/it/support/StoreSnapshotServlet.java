package org.passkeyee.it.support;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * TEST-ONLY servlet, added to the deployed WAR by the tests: dumps the passkey tables as JSON,
 * {@code {"users": [...], "credentials": [...]}}, one object per row with every column, so a
 * test can check that a refused request left the store untouched. A missing table (nothing
 * stored yet) gives an empty list. Binary values are rendered as base64url, everything else
 * with {@link String#valueOf(Object)}.
 */
@WebServlet(StoreSnapshotServlet.PATH)
public class StoreSnapshotServlet extends HttpServlet {

    /** Where the servlet is mapped, relative to the context root. */
    public static final String PATH = "/test-support/store";

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private transient DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String snapshot;
        try (Connection connection = dataSource.getConnection()) {
            snapshot = Json.createObjectBuilder()
                    .add("users", rows(connection, "PASSKEY_USER", "USERNAME"))
                    .add("credentials", rows(connection, "PASSKEY_CREDENTIAL", "CREDENTIAL_ID"))
                    .build()
                    .toString();
        } catch (SQLException e) {
            throw new ServletException("cannot read the passkey tables", e);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(snapshot);
    }

    private static JsonArrayBuilder rows(Connection connection, String table, String orderColumn)
            throws SQLException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        DatabaseMetaData metaData = connection.getMetaData();
        if (!exists(metaData.getTables(null, null, table, new String[] {"TABLE"}))) {
            return rows;
        }
        String orderBy = exists(metaData.getColumns(null, null, table, orderColumn)) ? orderColumn : "1";
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            ResultSetMetaData columns = resultSet.getMetaData();
            while (resultSet.next()) {
                JsonObjectBuilder row = Json.createObjectBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String value = render(resultSet.getObject(i));
                    if (value == null) {
                        row.addNull(columns.getColumnLabel(i));
                    } else {
                        row.add(columns.getColumnLabel(i), value);
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean exists(ResultSet resultSet) throws SQLException {
        try (resultSet) {
            return resultSet.next();
        }
    }

    private static String render(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        if (value instanceof Blob blob) {
            return render(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }
}
