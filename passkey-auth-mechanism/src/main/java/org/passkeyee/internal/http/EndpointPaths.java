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

    /** {@code POST {prefix}/login}: a sign-in the mechanism performs. */
    public boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN.equals(endpointPath(request));
    }

    /** {@code POST {prefix}/register}: a sign-up the mechanism performs, or an addition the servlet performs. */
    public boolean isRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && REGISTER.equals(endpointPath(request));
    }
}
