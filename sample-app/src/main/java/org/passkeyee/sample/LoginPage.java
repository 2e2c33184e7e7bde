package org.passkeyee.sample;

import org.passkeyee.SignInDestination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The backing bean of {@code /login.xhtml}: the application's own password sign-in, the Jakarta
 * Security way. It hands the credential to {@link SecurityContext#authenticate}; the passkey
 * mechanism has the application's identity stores validate it and signs the caller in, so the
 * same page offers passwords and passkeys.
 */
@Named("login")
@RequestScoped
public class LoginPage {

    /** Where a password sign-in goes unless a protected page forced it: who is signed in (and a passkey offer). */
    static final String AFTER_SIGN_IN = "/account/";

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;

    /** Signs in with the typed username and password, or says that they did not match. */
    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(SignInDestination.of((HttpServletRequest) external.getRequest())
                    .orElse(external.getRequestContextPath() + AFTER_SIGN_IN));
            faces.responseComplete();
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The username or password is not right.", null));
        }
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
