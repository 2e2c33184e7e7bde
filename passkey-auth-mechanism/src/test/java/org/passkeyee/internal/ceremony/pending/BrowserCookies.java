package org.passkeyee.internal.ceremony.pending;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST-ONLY: a browser's cookie jar behind mocks: the responses it is given store cookies in it
 * (a {@code Max-Age} of 0 removes one), and the requests it is attached to carry them. Paths and
 * expiry are not modelled; every cookie set is also kept in {@link #set()}, for its attributes.
 */
public final class BrowserCookies {

    /** The cookie that carries a sealed sign-in. */
    public static final String SIGN_IN = SealedCeremonies.SIGN_IN_COOKIE;
    /** The cookie that carries a sealed sign-up. */
    public static final String SIGN_UP = SealedCeremonies.SIGN_UP_COOKIE;

    private final Map<String, String> jar = new LinkedHashMap<>();
    private final List<Cookie> set = new ArrayList<>();

    /** Makes {@code request} (a mock) carry this jar's cookies, at context path {@code ""}, not secure. */
    public HttpServletRequest attachTo(HttpServletRequest request) {
        when(request.getCookies()).thenAnswer(call -> jar.isEmpty() ? null
                : jar.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue())).toArray(Cookie[]::new));
        when(request.getContextPath()).thenReturn("");
        return request;
    }

    /** A new request of this browser, without a session, caller or anything else. */
    public HttpServletRequest request() {
        return attachTo(mock(HttpServletRequest.class));
    }

    /** A response whose cookies this browser keeps. */
    public HttpServletResponse response() {
        HttpServletResponse response = mock(HttpServletResponse.class);
        doAnswer(call -> {
            Cookie cookie = call.getArgument(0);
            set.add(cookie);
            if (cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie.getValue());
            }
            return null;
        }).when(response).addCookie(any(Cookie.class));
        return response;
    }

    /** The value of the cookie of this name the browser holds. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(jar.get(name));
    }

    /** Puts a cookie into the jar as a script or an attacker would. */
    public void put(String name, String value) {
        jar.put(name, value);
    }

    /** Every cookie responses set, in order. */
    public List<Cookie> set() {
        return List.copyOf(set);
    }
}
