package org.passkeyee.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;

/**
 * Recognises requests that a page of another site made the browser send, with the caller's
 * cookies (cross-site request forgery), from the headers browsers set themselves: {@code Origin}
 * (on every POST, PATCH and DELETE of current browsers) must be one of the configured origins;
 * without it, {@code Sec-Fetch-Site} must not say {@code cross-site} or {@code same-site}.
 * Clients that are not browsers send neither and pass: they carry no victim's cookies.
 */
final class CrossSiteRequests {

    private final Set<String> origins;

    CrossSiteRequests(Collection<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Whether the request comes from a page of another site (or an opaque {@code null} origin). */
    boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !origins.contains(origin);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equals(site) || "same-site".equals(site);
    }

    /**
     * Refuses ({@code cross_site_request}) a request from a page of another site, before reading
     * its body, and without an event or log line: it says nothing about the caller's passkeys,
     * and must not flood the audit trail.
     */
    void refuseIfCrossSite(HttpServletRequest request, JsonRequestReader reader) {
        if (isCrossSite(request)) {
            throw reader.refuseUnread(request, PasskeyErrorCode.CROSS_SITE_REQUEST);
        }
    }

    /** Whether the method changes state (everything but GET, HEAD and OPTIONS). */
    static boolean changesState(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }
}
