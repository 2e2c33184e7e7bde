package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's provider icons: only base64 image data URIs, by AAGUID, checked at start. */
class ProviderIconsTest {

    private static final String AAGUID = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
    private static final String LIGHT = "data:image/svg+xml;base64,PHN2Zy8+";
    private static final String DARK = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    void readWhenLightAndDarkThenBothAndDarkDefaultsToLight() {
        ProviderIcons icons = read("{\"" + AAGUID + "\": {\"light\": \"" + LIGHT + "\", \"dark\": \"" + DARK + "\"},"
                + " \"00000000-0000-0000-0000-000000000001\": {\"light\": \"" + LIGHT + "\"}}");

        assertEquals(new ProviderIcons.Icon(LIGHT, DARK), icons.of(AAGUID));
        assertEquals(new ProviderIcons.Icon(LIGHT, LIGHT), icons.of("00000000-0000-0000-0000-000000000001"));
        assertNull(icons.of("00000000-0000-0000-0000-000000000002"));
        assertNull(icons.of(null));
        assertNull(ProviderIcons.read(null).of(AAGUID), "no file: no icons");
    }

    @Test
    void readWhenAnEntryCannotBeShownSafelyThenTheDeploymentFailsNamingIt() {
        for (String icon : List.of("javascript:alert(1)", "https://tracker.example/icon.png", "data:text/html;base64,PGI+",
                "data:image/svg+xml,<svg onload=alert(1)/>", "data:image/png;base64,not base64!",
                "data:image/png;base64," + "A".repeat(org.passkeyee.internal.shared.ImageDataUris.MAX_CHARS))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> read("{\"" + AAGUID + "\": {\"light\": \"" + icon + "\"}}"), icon);
            assertTrue(refused.getMessage().contains(AAGUID), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> read("{\"Not-An-AAGUID\": {\"light\": \"" + LIGHT + "\"}}"));
        assertThrows(IllegalStateException.class, () -> read("{\"" + AAGUID + "\": {\"dark\": \"" + DARK + "\"}}"));
        assertThrows(IllegalStateException.class, () -> read("{\"" + AAGUID + "\": {\"light\": \"" + LIGHT + "\", \"x\": \"\"}}"));
        assertThrows(IllegalStateException.class, () -> read("[]"));
    }

    private static ProviderIcons read(String json) {
        return ProviderIcons.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
