package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.passkeyee.internal.config.ExistingLogins;

/**
 * WildFly's security domain as an identity store ({@code passkey.elytron-realm=true}): the users
 * of the application's Elytron security domain (by default {@code ApplicationDomain}, the
 * {@code application-users.properties} realm; an LDAP or JDBC realm where the admin configured
 * one) sign in with their passwords, through a web.xml FORM login, a password form or HTTP
 * Basic, and get their Elytron roles as groups; a passkey such a user adds gets the same roles,
 * asked by name ({@link #getCallerGroups}). What {@code @RealmIdentityStoreDefinition} is on
 * Payara Server.
 *
 * <p>Elytron's API ({@code SecurityDomain.getCurrent()}, which WildFly makes the deployment's
 * domain on its threads) is called by reflection, so that the module has no WildFly dependency
 * and the class loads on every server. Switched off (the default) it takes part in nothing
 * ({@link #validationTypes} empty); switched on where there is no Elytron it validates nothing,
 * and says so once at WARNING.
 */
@Singleton
public class ElytronRealmIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ElytronRealmIdentityStore.class.getName());
    private static final String SECURITY_DOMAIN = "org.wildfly.security.auth.server.SecurityDomain";
    private static final String EVIDENCE = "org.wildfly.security.evidence.Evidence";
    private static final String PASSWORD_GUESS = "org.wildfly.security.evidence.PasswordGuessEvidence";

    private final boolean switchedOn;
    private volatile boolean warned;

    @Inject
    ElytronRealmIdentityStore(ExistingLogins existingLogins) {
        this.switchedOn = existingLogins.elytronRealm();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Object domain = currentDomain();
        if (domain == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            ClassLoader loader = domain.getClass().getClassLoader();
            Object evidence = Class.forName(PASSWORD_GUESS, true, loader).getConstructor(char[].class)
                    .newInstance((Object) password.getPassword().getValue());
            Object identity = domain.getClass().getMethod("authenticate", String.class, Class.forName(EVIDENCE, true, loader))
                    .invoke(domain, password.getCaller(), evidence);
            return new CredentialValidationResult(password.getCaller(), rolesOf(identity));
        } catch (InvocationTargetException refused) {
            // Elytron refuses a wrong password, or an unknown name, with a SecurityException.
            return CredentialValidationResult.INVALID_RESULT;
        } catch (ReflectiveOperationException | RuntimeException notThisElytron) {
            warnOnce("Elytron's API could not be called: " + notThisElytron);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /** The roles the security domain gives a name, without a password: for a passkey caller it vouched for. */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        Object domain = currentDomain();
        if (domain == null) {
            return Set.of();
        }
        String name = validationResult.getCallerPrincipal().getName();
        try (AutoCloseable context = (AutoCloseable) domain.getClass().getMethod("createNewAuthenticationContext").invoke(domain)) {
            Class<?> type = context.getClass();
            type.getMethod("setAuthenticationName", String.class).invoke(context, name);
            if (!(Boolean) type.getMethod("exists").invoke(context) || !(Boolean) type.getMethod("authorize").invoke(context)) {
                return Set.of();
            }
            return rolesOf(type.getMethod("getAuthorizedIdentity").invoke(context));
        } catch (Exception notThisElytron) {
            warnOnce("Elytron could not give the groups of a name: " + notThisElytron);
            return Set.of();
        }
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return switchedOn ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
                : EnumSet.noneOf(ValidationType.class);
    }

    private static Set<String> rolesOf(Object identity) throws ReflectiveOperationException {
        Method roles = identity.getClass().getMethod("getRoles");
        Set<String> groups = new LinkedHashSet<>();
        for (Object role : (Iterable<?>) roles.invoke(identity)) {
            groups.add(role.toString());
        }
        return groups;
    }

    /** The deployment's Elytron security domain, or {@code null} when switched off or not on WildFly. */
    private Object currentDomain() {
        if (!switchedOn) {
            return null;
        }
        try {
            Class<?> domain = Class.forName(SECURITY_DOMAIN, true, Thread.currentThread().getContextClassLoader());
            Object current = domain.getMethod("getCurrent").invoke(null);
            if (current == null) {
                warnOnce("this deployment has no current Elytron security domain");
            }
            return current;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError noElytron) {
            warnOnce("there is no Elytron here (" + noElytron + ")");
            return null;
        }
    }

    private void warnOnce(String why) {
        if (!warned) {
            warned = true;
            LOG.warning(() -> "passkey.elytron-realm=true, but " + why + ": the security domain's users cannot sign in.");
        }
    }
}
