package org.passkeyee.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.List;

/** Who is signed in, as the container sees them, and signing out. Used by the page layout. */
@Named("account")
@RequestScoped
public class AccountPage {

    private static final List<String> ROLES = List.of("user", "admin");

    @Inject
    SecurityContext securityContext;

    /** Whether someone is signed in. */
    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    /** The caller's name, or {@code null} when signed out. */
    public String getName() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    /** The caller's roles among those the sample declares, e.g. {@code user, admin}. */
    public String getRoles() {
        return String.join(", ", ROLES.stream().filter(securityContext::isCallerInRole).toList());
    }

    /** Signs out, ends the session and goes to the home page. */
    public String signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/");
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }
}
