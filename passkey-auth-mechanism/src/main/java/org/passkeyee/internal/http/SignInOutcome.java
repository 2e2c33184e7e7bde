package org.passkeyee.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import org.passkeyee.StoredPasskey;

/**
 * Who the mechanism just signed in, for the endpoint servlet to answer: the container still
 * dispatches the request after the mechanism, and the servlet writes the answer. Where the
 * browser goes next travels beside it, as {@link org.passkeyee.SignInDestination}.
 *
 * @param username   the caller now signed in
 * @param newPasskey the passkey created by a sign-up, or {@code null} for a sign-in
 */
record SignInOutcome(String username, StoredPasskey newPasskey) {

    private static final String ATTRIBUTE = SignInOutcome.class.getName();

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    static SignInOutcome of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SignInOutcome outcome ? outcome : null;
    }
}
