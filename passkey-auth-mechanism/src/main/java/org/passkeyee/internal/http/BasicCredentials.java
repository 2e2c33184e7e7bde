package org.passkeyee.internal.http;

import jakarta.security.enterprise.credential.Password;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The user ID and password of an {@code Authorization: Basic} header (RFC 7617): base64 of
 * {@code user-id ":" password}, read as UTF-8. Anything else (another encoding, no colon, an
 * empty user ID, a header of over {@value #MAX_HEADER_CHARS} characters) is refused as
 * {@code invalid_credentials} before any store sees it.
 *
 * @param username the user ID, as sent
 * @param password the password
 */
record BasicCredentials(String username, Password password) {

    static final int MAX_HEADER_CHARS = 4096;
    private static final String SCHEME = "basic ";

    /** Whether the request carries Basic credentials. */
    static boolean arePresent(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * The credentials of a request that {@linkplain #arePresent carries them}.
     *
     * @throws Refusal {@code invalid_credentials} when the header does not hold a user ID and password
     */
    static BasicCredentials of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() > MAX_HEADER_CHARS
                || !header.substring(0, Math.min(header.length(), SCHEME.length())).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw refused();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(header.substring(SCHEME.length()).strip());
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException notBase64OfUtf8) {
            throw refused();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw refused();
        }
        return new BasicCredentials(decoded.substring(0, colon), new Password(decoded.substring(colon + 1)));
    }

    private static Refusal refused() {
        return new Refusal(PasskeyErrorCode.INVALID_CREDENTIALS);
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + "]";
    }
}
