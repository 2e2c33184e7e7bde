package org.passkeyee.internal.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Checks that the RP ID can work with the configured origins: browsers refuse a ceremony whose
 * RP ID is not the origin's host or a registrable suffix of it
 * (<a href="https://www.w3.org/TR/webauthn-3/#rp-id">WebAuthn §5.1.3</a>).
 */
final class RelyingPartyIdCheck {

    private RelyingPartyIdCheck() {
    }

    static void requireSuffixOfEveryWebOrigin(String rpId, List<String> origins) {
        if (rpId.isBlank()) {
            throw new IllegalStateException("passkey.rp-id must be set");
        }
        if (origins.isEmpty()) {
            throw new IllegalStateException("passkey.origins must name at least one origin");
        }
        String id = rpId.toLowerCase(Locale.ROOT);
        for (String origin : origins) {
            if (origin.startsWith("android:apk-key-hash:")) {
                continue;
            }
            String host = hostOf(origin);
            if (!host.equals(id) && !host.endsWith("." + id)) {
                throw new IllegalStateException("passkey.rp-id '" + rpId + "' is not the host of origin '" + origin
                        + "' nor a suffix of it");
            }
        }
    }

    private static String hostOf(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new IllegalStateException("passkey.origins entry '" + origin + "' is not an origin like https://example.com");
            }
            return uri.getHost().toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("passkey.origins entry '" + origin + "' is not a valid origin", e);
        }
    }
}
