package org.passkeyee.internal.shared;

import java.util.Base64;
import java.util.List;

/**
 * Which image a page may show as a provider's icon: only a base64 {@code data:} URI of a PNG,
 * WebP or SVG image of at most {@link #MAX_CHARS} characters. Never a URL the browser would
 * fetch (it would tell a third party who looks at their passkeys), never a document type.
 */
public final class ImageDataUris {

    public static final int MAX_CHARS = 64 * 1024;
    private static final List<String> PREFIXES = List.of(
            "data:image/png;base64,", "data:image/webp;base64,", "data:image/svg+xml;base64,");

    private ImageDataUris() {
    }

    /** Whether {@code image} is such a data URI. */
    public static boolean isShowable(String image) {
        if (image == null || image.length() > MAX_CHARS) {
            return false;
        }
        return PREFIXES.stream().filter(image::startsWith).findFirst()
                .map(prefix -> isBase64(image.substring(prefix.length())))
                .orElse(false);
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return !text.isEmpty();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
