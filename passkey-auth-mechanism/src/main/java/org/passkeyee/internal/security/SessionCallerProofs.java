package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.passkeyee.CallerProof;
import org.passkeyee.CallerProofs;

/**
 * {@link CallerProofs} from the HTTP session of the current request (CDI's built-in
 * {@code HttpServletRequest} bean): usable while a request is served.
 */
@Singleton
public class SessionCallerProofs implements CallerProofs {

    private final HttpServletRequest request;

    @Inject
    SessionCallerProofs(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public Optional<CallerProof> last() {
        return request.getUserPrincipal() == null ? Optional.empty() : Optional.ofNullable(SessionState.lastProof(request));
    }
}
