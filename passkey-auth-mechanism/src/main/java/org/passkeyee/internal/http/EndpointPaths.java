package org.passkeyee.internal.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the passkey endpoints live, and which requests the mechanism must handle itself. Only
 * string comparisons: this runs on every request of the application.
 */
public final class EndpointPaths {

    static final String REGISTER_OPTIONS = "/register/options";
    static final String REGISTER = "/register";
    static final String LOGIN_OPTIONS = "/login/options";
    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String CREDENTIALS = "/credentials";
    static final String DELETE_ACCOUNT = "/accounts/delete";
    static final String STEP_UP_OPTIONS = "/reauthenticate/options";
    static final String STEP_UP = "/reauthenticate";

    /** Where Faces serves resources, with the FacesServlet mapped by prefix or by suffix alike. */
    static final String FACES_RESOURCES = "/jakarta.faces.resource/";
    /** The resource libraries a sign-in page needs: the widgets' and Faces' own script. */
    static final java.util.Set<String> SIGN_IN_LIBRARIES = java.util.Set.of("passkeyee", "jakarta.faces");
    static final String WELL_KNOWN = "/.well-known/webauthn";

    private final String prefix;

    public EndpointPaths(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /**
     * The path below the endpoint prefix, e.g. {@code /login}; {@code ""} for the prefix itself;
     * {@code null} when the request is not for the passkey endpoints.
     */
    String endpointPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        int start = contextPath.length();
        if (!uri.startsWith(prefix, start)) {
            return null;
        }
        int parameters = uri.indexOf(';', start);
        String rest = uri.substring(start + prefix.length(), parameters < 0 ? uri.length() : parameters);
        if (!rest.isEmpty() && rest.charAt(0) != '/') {
            return null;
        }
        return rest;
    }

    /**
     * Whether a signed-out browser must reach this request's target even where the
     * application's security constraints cover it (a catch-all {@code /*}): the passkey endpoints
     * (each checks its caller itself), the login page, {@code /.well-known/webauthn}, and the
     * Faces resources of the widgets' and Faces' own libraries. A container's FORM login
     * exempts its login page the same way; the application's other resources stay covered.
     *
     * @param loginPage the login page's path, from the context root
     */
    boolean isOpenToSignedOut(HttpServletRequest request, String loginPage) {
        // The path the container matched its constraints against (decoded), never the raw URI:
        // "/passkey/../admin" must not pass for an endpoint. A path that is not canonical is never
        // open (a forward could reach what a request cannot, WEB-INF included).
        String path = pathWithinApplication(request);
        if (!isCanonical(path)) {
            return false;
        }
        if (path.equals(loginPage) || path.equals(WELL_KNOWN) || path.equals(prefix) || path.startsWith(prefix + "/")) {
            return true;
        }
        return path.startsWith(FACES_RESOURCES) && "GET".equals(request.getMethod())
                && SIGN_IN_LIBRARIES.contains(request.getParameter("ln"));
    }

    /** No dot segments, backslashes, encoded characters or empty segments: the form a container normalizes paths to. */
    private static boolean isCanonical(String path) {
        return path.startsWith("/") && !path.contains("//") && !path.contains("\\") && !path.contains("%")
                && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.") && !path.endsWith("/..");
    }

    /** The request's path from the context root, decoded, without parameters or query. */
    static String pathWithinApplication(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The request's path from the context root with its query, to forward it to itself. */
    static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        return pathWithinApplication(request) + (query == null ? "" : "?" + query);
    }

    /** {@code POST {prefix}/login}: a sign-in the mechanism performs. */
    public boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN.equals(endpointPath(request));
    }

    /** {@code POST {prefix}/register}: a sign-up the mechanism performs, or an addition the servlet performs. */
    public boolean isRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && REGISTER.equals(endpointPath(request));
    }
}
