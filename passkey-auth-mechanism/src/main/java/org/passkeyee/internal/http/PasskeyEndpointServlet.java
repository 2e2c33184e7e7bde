package org.passkeyee.internal.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * Serves the passkey endpoints under the configured prefix (see the HTTP contract in the README).
 * Overrides {@code service} because Servlet 6.0 has no {@code doPatch}. Every refusal is a JSON
 * answer with its stable code; any other failure is answered as {@link JsonAnswers#failure} says
 * (503 for a failing store, a bare 500 for a bug).
 */
final class PasskeyEndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EndpointPaths paths;
    private final transient CeremonyEndpoints ceremonies;
    private final transient ManagementEndpoints management;
    private final transient AccountEndpoints accounts;
    private final transient CrossSiteRequests crossSite;
    private final transient JsonRequestReader reader;

    PasskeyEndpointServlet(PasskeyConfiguration configuration, CeremonyEndpoints ceremonies, ManagementEndpoints management,
                           AccountEndpoints accounts) {
        this.paths = new EndpointPaths(configuration.endpointPrefix());
        this.ceremonies = ceremonies;
        this.management = management;
        this.accounts = accounts;
        this.crossSite = new CrossSiteRequests(configuration.origins());
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (CrossSiteRequests.changesState(request.getMethod())) {
                crossSite.refuseIfCrossSite(request, reader);
            }
            route(request, response, request.getMethod(), paths.endpointPath(request));
        } catch (Refusal refusal) {
            JsonAnswers.error(response, refusal);
        } catch (RuntimeException failure) {
            JsonAnswers.failure(request, response, failure);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, String method, String path)
            throws IOException {
        if (path == null) {
            throw new Refusal(PasskeyErrorCode.NOT_FOUND);
        }
        switch (path) {
            case EndpointPaths.REGISTER_OPTIONS -> post(method, () -> ceremonies.registrationOptions(request, response));
            case EndpointPaths.REGISTER -> post(method, () -> ceremonies.register(request, response));
            case EndpointPaths.LOGIN_OPTIONS -> post(method, () -> ceremonies.loginOptions(request, response));
            case EndpointPaths.LOGIN -> post(method, () -> ceremonies.loginAnswer(request, response));
            case EndpointPaths.LOGOUT -> post(method, () -> ceremonies.logout(request, response));
            case EndpointPaths.STEP_UP_OPTIONS -> post(method, () -> ceremonies.stepUpOptions(request, response));
            case EndpointPaths.STEP_UP -> post(method, () -> ceremonies.stepUp(request, response));
            case EndpointPaths.DELETE_ACCOUNT -> post(method, () -> accounts.deleteAccount(request, response, caller(request)));
            case EndpointPaths.CREDENTIALS -> {
                requireMethod(method, "GET");
                management.list(request, response, caller(request));
            }
            default -> routeCredential(request, response, method, path);
        }
    }

    private void routeCredential(HttpServletRequest request, HttpServletResponse response, String method, String path)
            throws IOException {
        String prefix = EndpointPaths.CREDENTIALS + "/";
        String id = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (id.isEmpty() || id.contains("/")) {
            throw new Refusal(PasskeyErrorCode.NOT_FOUND);
        }
        switch (method) {
            case "PATCH" -> management.rename(request, response, caller(request), id);
            case "DELETE" -> management.delete(request, response, caller(request), id);
            default -> throw new Refusal(PasskeyErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private static void post(String method, Endpoint endpoint) throws IOException {
        requireMethod(method, "POST");
        endpoint.serve();
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new Refusal(PasskeyErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private static String caller(HttpServletRequest request) {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            throw new Refusal(PasskeyErrorCode.NOT_AUTHENTICATED);
        }
        return caller.getName();
    }

    @FunctionalInterface
    private interface Endpoint {
        void serve() throws IOException;
    }
}
