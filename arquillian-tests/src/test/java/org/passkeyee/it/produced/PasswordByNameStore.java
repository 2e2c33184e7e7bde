package org.passkeyee.it.produced;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;

/**
 * TEST-ONLY: a password store that knows every name; a name's password is the name and this
 * store's suffix, so each test brings its own people. It validates and provides groups. A second,
 * read-only password, where it has one, signs the name in with the read-only groups only, while
 * by name ({@code getCallerGroups}) the store gives all of the person's groups: a credential-scoped
 * sign-in, as a scoped token or a read-only login gives.
 */
public class PasswordByNameStore implements IdentityStore {

    private final int priority;
    private final String passwordSuffix;
    private final Set<String> groups;
    private final String readOnlySuffix;
    private final Set<String> readOnlyGroups;

    PasswordByNameStore(int priority, String passwordSuffix, Set<String> groups, String readOnlySuffix, Set<String> readOnlyGroups) {
        this.priority = priority;
        this.passwordSuffix = passwordSuffix;
        this.groups = Set.copyOf(groups);
        this.readOnlySuffix = readOnlySuffix;
        this.readOnlyGroups = Set.copyOf(readOnlyGroups);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = password.getCaller();
        String given = password.getPasswordAsString();
        if (given.equals(name + passwordSuffix)) {
            return new CredentialValidationResult(name, groups);
        }
        if (readOnlySuffix != null && given.equals(name + readOnlySuffix)) {
            return new CredentialValidationResult(name, readOnlyGroups);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        Set<String> all = new HashSet<>(groups);
        all.addAll(readOnlyGroups);
        return all;
    }

    @Override
    public int priority() {
        return priority;
    }
}
