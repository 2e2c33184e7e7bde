package org.passkeyee.it.existing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * TEST-ONLY: a hand-written identity store as applications have them: it validates passwords and
 * provides groups (the default validation types), and answers {@code getCallerGroups} by name. It
 * knows a {@value #JDOE} too, another person than the staff's {@link Inventory#JDOE}: a manager.
 */
@ApplicationScoped
public class BadgeIdentityStore implements IdentityStore {

    public static final String MANAGER = "manager";
    public static final String MANAGER_PASSWORD = "badge-9012";
    public static final String MANAGERS = "managers";

    public static final String JDOE = Inventory.JDOE;
    public static final String JDOE_PASSWORD = "badge-jdoe-1357";

    private static final Map<String, Set<String>> GROUPS = Map.of(MANAGER, Set.of(MANAGERS), JDOE, Set.of(MANAGERS));
    private static final Map<String, String> PASSWORDS = Map.of(MANAGER, MANAGER_PASSWORD, JDOE, JDOE_PASSWORD);

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password && GROUPS.containsKey(password.getCaller())) {
            return password.compareTo(password.getCaller(), PASSWORDS.get(password.getCaller()))
                    ? new CredentialValidationResult(password.getCaller(), GROUPS.get(password.getCaller()))
                    : CredentialValidationResult.INVALID_RESULT;
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return GROUPS.getOrDefault(validationResult.getCallerPrincipal().getName(), Set.of());
    }

    @Override
    public int priority() {
        return 20;
    }
}
