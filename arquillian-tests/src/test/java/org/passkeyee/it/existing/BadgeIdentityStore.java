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
 * provides groups (the default validation types), and answers {@code getCallerGroups} by name.
 */
@ApplicationScoped
public class BadgeIdentityStore implements IdentityStore {

    public static final String MANAGER = "manager";
    public static final String MANAGER_PASSWORD = "badge-9012";
    public static final String MANAGERS = "managers";

    private static final Map<String, Set<String>> GROUPS = Map.of(MANAGER, Set.of(MANAGERS));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password && GROUPS.containsKey(password.getCaller())) {
            return password.compareTo(password.getCaller(), MANAGER_PASSWORD)
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
