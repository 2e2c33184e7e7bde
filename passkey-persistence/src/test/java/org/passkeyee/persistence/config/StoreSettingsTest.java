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
        StoreSettings defaults = StoreSettings.from(name -> Optional.empty(), "example.com/shop");
        assertEquals("java:comp/DefaultDataSource", defaults.dataSource());
        assertTrue(defaults.createTables());
        assertEquals("example.com/shop", defaults.scope());
        Map<String, String> set = Map.of("passkey.datasource", " java:app/jdbc/AppDS ", "passkey.create-tables", "false",
                "passkey.store-scope", " shop-and-backoffice ");
        StoreSettings chosen = StoreSettings.from(name -> Optional.ofNullable(set.get(name)), "example.com/shop");
        assertEquals("java:app/jdbc/AppDS", chosen.dataSource());
        assertFalse(chosen.createTables());
        assertEquals("shop-and-backoffice", chosen.scope());
        assertThrows(IllegalStateException.class, () -> StoreSettings.from(
                name -> name.equals("passkey.create-tables") ? Optional.of("yes") : Optional.empty(), "example.com/shop"));
    }

    @Test
    void defaultScopeWhenTwoApplicationsShareAServerThenTheirContextPathsTellThemApart() {
        assertEquals("example.com/shop", StoreSettings.defaultScope("example.com", "/shop"));
        assertEquals("example.com/", StoreSettings.defaultScope("example.com", ""));
        assertEquals("example.org/shop", StoreSettings.defaultScope("example.org", "/shop"));
    }

    @Test
    void scopeWhenTooLongOrWithControlCharactersThenTheDeploymentFails() {
        for (String bad : new String[] {"a".repeat(256), "shop\nadmin", "shop\u0000admin"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> StoreSettings.from(name -> name.equals("passkey.store-scope") ? Optional.of(bad) : Optional.empty(),
                            "example.com/shop"));
            assertTrue(refused.getMessage().contains("passkey.store-scope"), refused::getMessage);
        }
    }
}
