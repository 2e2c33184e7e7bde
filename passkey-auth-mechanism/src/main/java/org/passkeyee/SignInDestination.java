package org.passkeyee;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where a browser should go after a sign-in the passkey mechanism just completed in this request:
 * the page whose protection forced the sign-in, otherwise the configured {@code defaultRedirect}.
 * Passkey sign-ins answer it as {@code redirect}; an application's own password page reads it
 * after {@code SecurityContext.authenticate} returned {@code SUCCESS}:
 * <pre>{@code
 * if (status == AuthenticationStatus.SUCCESS) {
 *     externalContext.redirect(SignInDestination.of(request).orElse(externalContext.getRequestContextPath() + "/"));
 * }
 * }</pre>
 */
public final class SignInDestination {

    /** The request attribute holding the destination (a path including the context path). */
    public static final String REQUEST_ATTRIBUTE = "org.passkeyee.sign-in-destination";

    private SignInDestination() {
    }

    /** The destination, or empty when this request signed nobody in through the mechanism. */
    public static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof String destination
                ? Optional.of(destination) : Optional.empty();
    }
}
