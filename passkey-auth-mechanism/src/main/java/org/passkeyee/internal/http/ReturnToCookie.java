package org.passkeyee.internal.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The protected page a signed-out browser asked for, kept in a short-lived cookie of that browser
 * until its sign-in answers where to go. A cookie, not the session: remembering a page then
 * holds nothing on the server and creates no session, so requests for protected pages cannot
 * fill the server's memory, as a stranger's ceremony cannot (it is sealed into a cookie too).
 *
 * <p>Only local paths of GET requests are kept, and checked again when read (a cookie is the
 * browser's to change): a path starting with {@code //} or holding a backslash would let a crafted
 * link or cookie redirect to another site.
 */
final class ReturnToCookie {

    static final String NAME = "PASSKEY_RETURN_TO";
    private static final int MAX_PATH_CHARS = 2048;

    private final Duration lifetime;

    ReturnToCookie(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Remembers the page of this GET request, if it is worth returning to. */
    void remember(HttpServletRequest request, HttpServletResponse response) {
        String page = pageOf(request);
        if (page != null) {
            response.addCookie(cookie(request, URLEncoder.encode(page, StandardCharsets.UTF_8), (int) lifetime.toSeconds()));
        }
    }

    /** Takes the remembered page, if any: answers it and tells the browser to forget it. */
    String take(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                response.addCookie(cookie(request, "", 0));
                return localPath(decode(cookie.getValue()));
            }
        }
        return null;
    }

    /** The page a GET request asked for, with its query, if it is a local path; otherwise {@code null}. */
    static String pageOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String query = request.getQueryString();
        return localPath(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
    }

    private static String localPath(String path) {
        boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() <= MAX_PATH_CHARS && path.chars().noneMatch(Character::isISOControl);
        return local ? path : null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        String contextPath = request.getContextPath();
        cookie.setPath(contextPath.isEmpty() ? "/" : contextPath);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
