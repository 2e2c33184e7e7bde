package org.passkeyee.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.passkeyee.StoredPasskey;

/**
 * What the mechanism hands to the endpoint servlet after a successful sign-in or sign-up: the
 * container still dispatches the request after the mechanism, and the servlet writes the answer.
 *
 * @param username the caller now signed in
 * @param redirect where the browser should go next
 * @param newPasskey the passkey created by a sign-up, or {@code null} for a sign-in
 */
public record SignInOutcome(String username, String redirect, StoredPasskey newPasskey) {

    private static final String ATTRIBUTE = SignInOutcome.class.getName();

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static SignInOutcome of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SignInOutcome outcome ? outcome : null;
    }
}
