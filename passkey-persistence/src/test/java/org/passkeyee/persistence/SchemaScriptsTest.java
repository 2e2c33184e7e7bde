package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DDL scripts create the tables that each provider generates from the entities: same
 * columns, types, lengths, nullability, keys and indexes, compared through JDBC metadata.
 */
@ParameterizedClass(name = "{0} on {1}")
@MethodSource("combinations")
class SchemaScriptsTest {

    @Parameter(0)
    StoreFixture.Provider provider;

    @Parameter(1)
    TestDatabase database;

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            for (StoreFixture.Provider provider : StoreFixture.Provider.values()) {
                all.add(Arguments.of(provider, database));
            }
        }
        return all.stream();
    }

    @Test
    void scriptCreatesWhatJpaGenerates() throws SQLException {
        database.requireReachable();
        TestDatabase.Scratch generated = database.createScratch();
        TestDatabase.Scratch scripted = database.createScratch();
        try {
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.jdbc.url", generated.url());
            properties.put("jakarta.persistence.jdbc.user", generated.user());
            properties.put("jakarta.persistence.jdbc.password", "");
            properties.put("jakarta.persistence.schema-generation.database.action", "create");
            EntityManagerFactory emf = Persistence.createEntityManagerFactory(provider.unit, properties);
            emf.createEntityManager().close(); // EclipseLink generates when the unit is first used
            emf.close();
            scripted.runScript();

            Map<String, Object> expected = describe(generated);
            assertEquals(Set.of("PASSKEY_USER", "PASSKEY_CREDENTIAL"), expected.keySet().stream()
                    .map(k -> k.substring(0, k.indexOf(' '))).collect(java.util.stream.Collectors.toSet()));
            assertEquals(expected, describe(scripted));
        } finally {
            generated.drop();
            scripted.drop();
        }
    }

    /** Columns, primary key and other indexes of the two tables, in portable terms. */
    private static Map<String, Object> describe(TestDatabase.Scratch scratch) throws SQLException {
        Map<String, Object> description = new TreeMap<>();
        try (Connection c = scratch.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String catalog = c.getCatalog();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.toUpperCase(Locale.ROOT).startsWith("PASSKEY_")) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                String key = table.toUpperCase(Locale.ROOT);
                Map<String, String> columns = new TreeMap<>();
                try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                    while (rs.next()) {
                        columns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), type(rs));
                    }
                }
                description.put(key + " columns", columns);
                Set<String> primaryKey = new TreeSet<>();
                try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
                    while (rs.next()) {
                        primaryKey.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
                description.put(key + " primary key", primaryKey);
                Map<String, Set<String>> indexColumns = new TreeMap<>();
                Map<String, Boolean> indexUnique = new HashMap<>();
                try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index == null || rs.getString("COLUMN_NAME") == null) {
                            continue;
                        }
                        indexColumns.computeIfAbsent(index, i -> new TreeSet<>())
                                .add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                        indexUnique.put(index, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
                Set<String> indexes = new TreeSet<>();
                indexColumns.forEach((index, cols) -> {
                    boolean unique = indexUnique.get(index);
                    if (!(unique && cols.equals(primaryKey))) {
                        indexes.add((unique ? "UNIQUE " : "INDEX ") + cols);
                    }
                });
                description.put(key + " indexes", indexes);
            }
        }
        return description;
    }

    private static String type(ResultSet column) throws SQLException {
        int dataType = column.getInt("DATA_TYPE");
        int size = column.getInt("COLUMN_SIZE");
        String type = switch (dataType) {
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.TINYINT -> size == 1 ? "BOOLEAN" : "TINYINT";
            case Types.BIGINT -> "BIGINT";
            case Types.VARCHAR, Types.NVARCHAR -> "VARCHAR(" + size + ")";
            case Types.TIMESTAMP -> "TIMESTAMP(" + column.getInt("DECIMAL_DIGITS") + ")";
            default -> column.getString("TYPE_NAME") + "(" + size + ")";
        };
        boolean nullable = column.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
        return type + (nullable ? "" : " NOT NULL");
    }
}
