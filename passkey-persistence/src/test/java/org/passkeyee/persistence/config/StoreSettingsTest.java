package org.passkeyee.persistence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void settingsDefaultToTheDefaultDataSourceWithTablesCreatedAndRefuseNonsense() {
        StoreSettings defaults = StoreSettings.from(name -> Optional.empty());
        assertEquals("java:comp/DefaultDataSource", defaults.dataSource());
        assertTrue(defaults.createTables());
        Map<String, String> set = Map.of("passkey.datasource", " java:app/jdbc/AppDS ", "passkey.create-tables", "false");
        StoreSettings chosen = StoreSettings.from(name -> Optional.ofNullable(set.get(name)));
        assertEquals("java:app/jdbc/AppDS", chosen.dataSource());
        assertFalse(chosen.createTables());
        assertThrows(IllegalStateException.class,
                () -> StoreSettings.from(name -> name.equals("passkey.create-tables") ? Optional.of("yes") : Optional.empty()));
    }
}
