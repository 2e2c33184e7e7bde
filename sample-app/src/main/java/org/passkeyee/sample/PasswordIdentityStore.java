package org.passkeyee.sample;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the application's existing password accounts (a users table with password hashes):
 * it validates a {@link UsernamePasswordCredential} that the login page passes to
 * {@code SecurityContext.authenticate}. The passkey mechanism hands such credentials to the
 * identity stores, so password and passkey sign-in live side by side.
 *
 * <p>The sample has one account, documented in the README: {@value #USERNAME} with the password
 * {@value #PASSWORD}. A real store keeps only the hash; the sample hashes the password at start-up
 * so that the README's password and the stored hash cannot drift apart.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    /** The sample's password account. */
    static final String USERNAME = "alice";
    static final String PASSWORD = "wonderland-42";

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private Map<String, String> hashes;

    @PostConstruct
    void hashPasswords() {
        hashes = Map.of(USERNAME, passwordHash.generate(PASSWORD.toCharArray()));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String hash = hashes.get(password.getCaller());
        if (hash == null || !passwordHash.verify(password.getPassword().getValue(), hash)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(password.getCaller());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }

    /** Whether a name is a password account (compared as the directory compares: without case or accents). */
    static boolean isPasswordAccount(String name) {
        return USERNAME.equals(DirectoryIdentityStore.comparable(name));
    }
}
