package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests count as sent by a page of another site. */
class CrossSiteRequestsTest {

    private final CrossSiteRequests checks = new CrossSiteRequests(List.of("https://example.com", "https://login.example.com"));

    @Test
    void isCrossSiteWhenOriginIsAConfiguredOneThenNo() {
        assertFalse(checks.isCrossSite(request("https://login.example.com", "same-origin")));
        assertFalse(checks.isCrossSite(request("https://example.com", null)));
    }

    @Test
    void isCrossSiteWhenOriginIsAnotherSiteOrOpaqueThenYes() {
        assertTrue(checks.isCrossSite(request("https://evil.example", "cross-site")));
        assertTrue(checks.isCrossSite(request("https://example.com.evil.example", null)));
        assertTrue(checks.isCrossSite(request("null", null)));
        assertTrue(checks.isCrossSite(request("http://example.com", null)), "another scheme is another origin");
    }

    @Test
    void isCrossSiteWithoutOriginThenFetchMetadataDecidesAndNonBrowsersPass() {
        assertTrue(checks.isCrossSite(request(null, "cross-site")));
        assertTrue(checks.isCrossSite(request(null, "same-site")));
        assertFalse(checks.isCrossSite(request(null, "same-origin")));
        assertFalse(checks.isCrossSite(request(null, "none")));
        assertFalse(checks.isCrossSite(request(null, null)));
    }

    @Test
    void changesStateForEverythingButSafeMethods() {
        assertTrue(CrossSiteRequests.changesState("POST"));
        assertTrue(CrossSiteRequests.changesState("PATCH"));
        assertTrue(CrossSiteRequests.changesState("DELETE"));
        assertFalse(CrossSiteRequests.changesState("GET"));
        assertFalse(CrossSiteRequests.changesState("HEAD"));
    }

    private static HttpServletRequest request(String origin, String fetchSite) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Origin")).thenReturn(origin);
        when(request.getHeader("Sec-Fetch-Site")).thenReturn(fetchSite);
        return request;
    }
}
