package org.passkeyee.internal.security;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.passkeyee.PasskeyConfiguration;

/**
 * The groups that the application's identity stores which both validate and provide groups give
 * a passkey caller's name.
 *
 * <p>Jakarta Security's identity store handler asks such a store for groups only when that store
 * validated the credential itself (its groups travel in its own validation result), so a caller
 * whose password store is {@code @DatabaseIdentityStoreDefinition} or
 * {@code @LdapIdentityStoreDefinition} in its default mode would sign in with a passkey and have
 * no groups. This asks each of those stores' {@code getCallerGroups} for the name, exactly as the
 * handler asks the stores that only provide groups. It is safe because a passkey account's name
 * is either the name of the caller who was signed in when the passkey was added, or a new name
 * that {@link org.passkeyee.PasskeyAccounts} refused unless no store knew it (see the README's
 * security notes). {@link PasskeyConfiguration#groupsFromValidatingStores()} switches it off.
 */
@Singleton
public class ValidatingStoreGroups {

    private static final Logger LOG = Logger.getLogger(ValidatingStoreGroups.class.getName());

    private final BeanManager beans;
    private final boolean enabled;
    private volatile List<IdentityStore> stores;

    @Inject
    ValidatingStoreGroups(BeanManager beans, PasskeyConfiguration configuration) {
        this.beans = beans;
        this.enabled = configuration.groupsFromValidatingStores();
    }

    /** Whether passkey callers get these groups at all. */
    boolean enabled() {
        return enabled;
    }

    /** The union of what every such store answers for {@code callerName}; empty when switched off. */
    Set<String> groupsOf(String callerName) {
        if (!enabled) {
            return Set.of();
        }
        CredentialValidationResult caller = new CredentialValidationResult(callerName);
        Set<String> groups = new HashSet<>();
        for (IdentityStore store : stores()) {
            groups.addAll(store.getCallerGroups(caller));
        }
        return groups;
    }

    /** Found at the first sign-in, when every store bean exists; the list never changes afterwards. */
    private List<IdentityStore> stores() {
        List<IdentityStore> found = stores;
        if (found == null) {
            found = findStores();
            stores = found;
        }
        return found;
    }

    private List<IdentityStore> findStores() {
        List<IdentityStore> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(IdentityStore.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass() == PasskeyIdentityStore.class) {
                continue;
            }
            IdentityStore store = (IdentityStore) beans.getReference(bean, IdentityStore.class,
                    beans.createCreationalContext(bean));
            Set<ValidationType> types = store.validationTypes();
            if (types.contains(ValidationType.VALIDATE) && types.contains(ValidationType.PROVIDE_GROUPS)) {
                warnIfGroupsAreOnlyInItsValidation(bean);
                found.add(store);
            }
        }
        LOG.fine(() -> "Passkey callers get the groups of " + found.size() + " identity store(s) that validate and provide groups");
        return List.copyOf(found);
    }

    /** A store class that inherits {@code getCallerGroups} answers no groups: say so once. */
    private static void warnIfGroupsAreOnlyInItsValidation(Bean<?> bean) {
        Class<?> type = bean.getBeanClass();
        if (!IdentityStore.class.isAssignableFrom(type)) {
            return;
        }
        try {
            if (type.getMethod("getCallerGroups", CredentialValidationResult.class).getDeclaringClass() == IdentityStore.class) {
                LOG.warning(() -> "Identity store " + type.getName() + " validates and provides groups but does not "
                        + "implement getCallerGroups, so callers who sign in with a passkey get none of its groups. "
                        + "Implement getCallerGroups(CredentialValidationResult) to answer them by caller name.");
            }
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
