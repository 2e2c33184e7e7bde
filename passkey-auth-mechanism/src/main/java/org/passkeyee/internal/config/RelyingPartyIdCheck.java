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

    /**
     * @param related origins the RP ID's {@code /.well-known/webauthn} lists: they may be origins
     *                of other hosts; each must be a web origin or an Android app's
     */
    static void requireSuffixOfEveryWebOrigin(String rpId, List<String> origins, List<String> related) {
        if (rpId.isBlank()) {
            throw new IllegalStateException("passkey.rp-id must be set");
        }
        if (origins.isEmpty()) {
            throw new IllegalStateException("passkey.origins must name at least one origin");
        }
        String id = rpId.toLowerCase(Locale.ROOT);
        for (String origin : related) {
            if (!isAndroidApp(origin)) {
                hostOf(origin);
            }
        }
        for (String origin : origins) {
            if (isAndroidApp(origin) || related.contains(origin)) {
                continue;
            }
            String host = hostOf(origin);
            if (!host.equals(id) && !host.endsWith("." + id)) {
                throw new IllegalStateException("passkey.rp-id '" + rpId + "' is not the host of origin '" + origin
                        + "' nor a suffix of it (list it in passkey.related-origins too if the RP ID's "
                        + "/.well-known/webauthn names it)");
            }
        }
    }

    /**
     * Whether the origin is an Android app's, {@code android:apk-key-hash:} and the base64url
     * SHA-256 of its signing certificate (43 characters); a malformed one fails the deployment.
     */
    private static boolean isAndroidApp(String origin) {
        String prefix = "android:apk-key-hash:";
        if (!origin.startsWith(prefix)) {
            return false;
        }
        String hash = origin.substring(prefix.length());
        if (hash.length() != 43 || !hash.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            throw new IllegalStateException("'" + origin + "' is not an Android app origin: after " + prefix
                    + " comes the base64url SHA-256 of the app's signing certificate, 43 characters without padding");
        }
        return true;
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
