package org.passkeyee.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stands in for the application's existing directory (LDAP, a users table): it provides groups,
 * and it knows some names of its own. Every caller, however they signed in, is in group
 * {@code user}; the directory's administrator is also in {@code admin}.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** Names that exist in the directory: a passkey sign-up must never hand them out. */
    static final Set<String> DIRECTORY_NAMES = Set.of("admin", "root", "administrator");

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        String caller = validationResult.getCallerPrincipal().getName();
        return isDirectoryName(caller) ? Set.of("user", "admin") : Set.of("user");
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }

    /** Whether the directory knows this name, compared as directories compare names: ignoring case and accents. */
    static boolean isDirectoryName(String name) {
        return DIRECTORY_NAMES.contains(comparable(name));
    }

    /**
     * A name as a directory compares it (LDAP's string preparation, a database's {@code *_ai_ci}
     * collation): accents and case ignored, so {@code Ädmin} and {@code admin} are one name.
     * {@link SampleAccounts} must refuse sign-up names the same way, or {@code ädmin} would be
     * handed out and then read as {@code admin} by the directory.
     */
    static String comparable(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT);
    }
}
