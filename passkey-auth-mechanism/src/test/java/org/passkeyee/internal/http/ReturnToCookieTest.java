package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The page to return to after a forced sign-in, kept in the browser rather than in a session. */
class ReturnToCookieTest {

    private final ReturnToCookie cookie = new ReturnToCookie(Duration.ofMinutes(5));
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @Test
    void rememberWhenAProtectedPageIsAskedForThenACookieOfTheContextHoldsItAndNoSessionIsMade() {
        HttpServletRequest request = get("/app/account/settings", "tab=keys&name=J%C3%B6rg");

        cookie.remember(request, response);

        Cookie set = addedCookie();
        assertEquals(ReturnToCookie.NAME, set.getName());
        assertEquals("/app", set.getPath());
        assertEquals(300, set.getMaxAge());
        assertEquals(true, set.isHttpOnly());
        assertEquals("Lax", set.getAttribute("SameSite"));
        verify(request, never()).getSession();
        verify(request, never()).getSession(true);
        assertEquals("/app/account/settings?tab=keys&name=J%C3%B6rg", cookie.take(withCookie(set.getValue()), mock(HttpServletResponse.class)));
    }

    @Test
    void takeWhenTheBrowserChangedTheCookieToAnotherSiteThenNothing() {
        for (String forged : new String[] {"%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example", "%2Fa%5Cb", "%2Fa%0Ab", "%zz"}) {
            assertNull(cookie.take(withCookie(forged), response), forged);
        }
    }

    @Test
    void pageOfWhenNotALocalPathOfAGetThenNothing() {
        assertNull(ReturnToCookie.pageOf(get("//evil.example/x", null)));
        assertNull(ReturnToCookie.pageOf(get("/a\\b", null)));
        HttpServletRequest post = get("/app/account/settings", null);
        when(post.getMethod()).thenReturn("POST");
        assertNull(ReturnToCookie.pageOf(post));
        assertNull(ReturnToCookie.pageOf(get("/" + "x".repeat(2048), null)));
    }

    private Cookie addedCookie() {
        ArgumentCaptor<Cookie> captor = ArgumentCaptor.forClass(Cookie.class);
        verify(response).addCookie(captor.capture());
        return captor.getValue();
    }

    private static HttpServletRequest get(String uri, String query) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getQueryString()).thenReturn(query);
        when(request.getContextPath()).thenReturn("/app");
        return request;
    }

    private static HttpServletRequest withCookie(String value) {
        HttpServletRequest request = get("/app/passkey/login", null);
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie(ReturnToCookie.NAME, value)});
        return request;
    }
}
