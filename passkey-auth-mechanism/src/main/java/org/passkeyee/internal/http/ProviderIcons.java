package org.passkeyee.internal.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.passkeyee.internal.shared.ImageDataUris;
import org.passkeyee.internal.shared.Json;

/**
 * Passkey providers' icons by AAGUID, for display only, as the application supplies them in
 * {@code META-INF/passkeyee/aaguid-icons.json}: {@code {"aaguid": {"light": "data:...", "dark":
 * "data:..."}}}, each a base64 {@code data:} URI of a PNG, WebP or SVG image of at most 64 KiB
 * ({@code dark} defaults to {@code light}). The module ships none: the community list its names
 * come from has no licence for the providers' logos. A file that breaks these rules fails the
 * deployment, naming the entry; an image never reaches a page unless it is such a data URI.
 */
final class ProviderIcons {

    static final String APPLICATION_FILE = "META-INF/passkeyee/aaguid-icons.json";
    private static final Pattern AAGUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One provider's icon, for light and for dark backgrounds. */
    record Icon(String light, String dark) {
    }

    private final Map<String, Icon> icons;

    private ProviderIcons(Map<String, Icon> icons) {
        this.icons = Map.copyOf(icons);
    }

    /** The application's icons (none when it has no such file). */
    static ProviderIcons ofApplication() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        return read(application == null ? null : application.getResourceAsStream(APPLICATION_FILE));
    }

    /**
     * The icons of this JSON document, or none for {@code null}.
     *
     * @throws IllegalStateException naming the file and entry that cannot be used
     */
    static ProviderIcons read(InputStream json) {
        if (json == null) {
            return new ProviderIcons(Map.of());
        }
        Map<String, Map<String, String>> entries;
        try (json) {
            entries = Json.MAPPER.readValue(json, new TypeReference<Map<String, Map<String, String>>>() {
            });
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalStateException(APPLICATION_FILE + " is not a JSON object of {\"light\", \"dark\"} icons by AAGUID");
        }
        Map<String, Icon> icons = new HashMap<>();
        entries.forEach((aaguid, icon) -> icons.put(checkedAaguid(aaguid), checkedIcon(aaguid, icon)));
        return new ProviderIcons(icons);
    }

    /** The provider's icon, or {@code null}. */
    Icon of(String aaguid) {
        return aaguid == null ? null : icons.get(aaguid);
    }

    private static String checkedAaguid(String aaguid) {
        if (!AAGUID.matcher(aaguid).matches()) {
            throw new IllegalStateException(APPLICATION_FILE + ": '" + aaguid + "' is not an AAGUID (lower-case, dashed)");
        }
        return aaguid;
    }

    private static Icon checkedIcon(String aaguid, Map<String, String> icon) {
        String light = icon == null ? null : icon.get("light");
        if (light == null || !icon.keySet().stream().allMatch(key -> key.equals("light") || key.equals("dark"))) {
            throw new IllegalStateException(APPLICATION_FILE + ": the icon of " + aaguid + " needs \"light\" (and may have \"dark\")");
        }
        String dark = icon.getOrDefault("dark", light);
        return new Icon(checkedImage(aaguid, light), checkedImage(aaguid, dark));
    }

    private static String checkedImage(String aaguid, String image) {
        if (!ImageDataUris.isShowable(image)) {
            throw new IllegalStateException(APPLICATION_FILE + ": the icon of " + aaguid + " must be a base64 data: URI of a"
                    + " PNG, WebP or SVG image, at most " + ImageDataUris.MAX_CHARS + " characters");
        }
        return image;
    }
}
