package org.passkeyee.internal.security;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.ceremony.SessionSignIn;

/**
 * The application's identity stores that validate credentials, and which of them vouched for a
 * passkey account's name: a passkey caller gets the groups of that store only, exactly what the
 * same person's password sign-in gives them, never those another store gives the same name (two
 * stores may know one name for two people: a staff directory and self-registered customers).
 *
 * <p>Jakarta Security's identity store handler asks a store that validates for groups only when
 * that store validated the credential itself, so a caller whose password store is
 * {@code @DatabaseIdentityStoreDefinition} or {@code @LdapIdentityStoreDefinition} in its default
 * mode would sign in with a passkey and have no groups. When a passkey is added, the account
 * records which store signed the caller in ({@link PasskeyUser#vouchedBy()}); a passkey sign-in
 * asks that store's {@code getCallerGroups} for the name. Stores that only provide groups are
 * asked by the handler, as for any caller.
 *
 * <p>A store is known by its key: its class, and its qualifiers other than {@code @Default},
 * {@code @Any} and {@code @Named}. Its class is the most specific class among its bean types that
 * implements {@code IdentityStore} (Soteria's built-in stores are beans of its extension's
 * class); where its bean has none (Payara's realm stores are beans of the bare interface), the
 * class of the instance behind the bean ({@link StoreClasses}). Accounts recorded with the bare
 * interface as key, before that, count as vouched for by the store of that kind.
 * {@link PasskeyConfiguration#groupsFromValidatingStores()} switches these groups off.
 */
@Singleton
public class VouchingStores {

    private static final Logger LOG = Logger.getLogger(VouchingStores.class.getName());

    private final BeanManager beans;
    private final boolean groupsEnabled;
    private final Set<String> warnedAbout = ConcurrentHashMap.newKeySet();
    private volatile Stores stores;

    @Inject
    VouchingStores(BeanManager beans, PasskeyConfiguration configuration) {
        this.beans = beans;
        this.groupsEnabled = configuration.groupsFromValidatingStores();
    }

    /** Whether passkey callers get groups from a validating store at all. */
    boolean groupsEnabled() {
        return groupsEnabled;
    }

    /**
     * The key of the store that validated {@code credential} for the handler's {@code result}: the
     * first validating store, in the handler's order (by priority), that validates it, as Jakarta
     * Security's default handler decides. With one validating store it is that one; with several,
     * they are asked again in that order (a second password check, once per password sign-in).
     *
     * @return {@link PasskeyUser#NO_VOUCHING_STORE} when no store of the application validates it
     *         again (one-time codes, a handler of the application's own)
     */
    String identify(Credential credential, CredentialValidationResult result) {
        List<KnownStore> validating = stores().validating();
        if (validating.size() == 1) {
            return vouching(validating.get(0));
        }
        String caller = result.getCallerPrincipal().getName();
        for (KnownStore candidate : validating) {
            CredentialValidationResult again = candidate.store().validate(credential);
            if (again.getStatus() == CredentialValidationResult.Status.VALID && caller.equals(again.getCallerPrincipal().getName())) {
                return vouching(candidate);
            }
        }
        LOG.warning(() -> "No identity store of the application validated the sign-in of caller=" + LogText.header(caller)
                + " again: passkeys this session adds get no validating store's groups");
        return PasskeyUser.NO_VOUCHING_STORE;
    }

    /**
     * The key of a store that vouches for an account now: said once, at the first such sign-in,
     * when it provides groups but does not answer {@code getCallerGroups} (only stores that
     * actually sign callers in are named, not every store the server puts in every application).
     */
    private String vouching(KnownStore store) {
        if (store.providesGroups() && store.inheritsCallerGroups() && warnedAbout.add(store.key())) {
            LOG.warning(() -> "Identity store " + store.storeClass().getName() + " validates and provides groups but does"
                    + " not implement getCallerGroups, so callers who sign in with a passkey get none of its groups."
                    + " Implement getCallerGroups(CredentialValidationResult) to answer them by caller name.");
        }
        return store.key();
    }

    /**
     * The key of the store that vouched for an account, as it is known now: what the account
     * recorded, or for an account recorded before vouching stores were (schema version 2) the
     * application's only validating store when it has exactly one (no other store can have
     * vouched for the name), otherwise none.
     */
    String vouchedByOf(PasskeyUser account) {
        return currentKey(account.vouchedBy());
    }

    private String currentKey(String recorded) {
        return recorded == null ? legacyAccountsVouchedBy() : stores().renamedKeys().getOrDefault(recorded, recorded);
    }

    private String legacyAccountsVouchedBy() {
        List<KnownStore> validating = stores().validating();
        return validating.size() == 1 ? validating.get(0).key() : PasskeyUser.NO_VOUCHING_STORE;
    }

    /** How this request's session signed in, for a passkey it adds ({@link SessionSignIn#mayJoin}). */
    public SessionSignIn sessionSignIn(HttpServletRequest request) {
        return new SessionSignIn(SessionState.vouchedBy(request), SessionState.passkeyAccount(request), legacyAccountsVouchedBy(),
                stores().renamedKeys());
    }

    /**
     * The groups the store with this key gives {@code callerName} at a passkey sign-in: none when
     * groups from validating stores are switched off, when no store vouched, or when that store
     * does not provide groups (or is no longer deployed).
     */
    Set<String> groupsOf(String vouchedBy, String callerName) {
        return groupsEnabled ? storeGroups(vouchedBy, callerName) : Set.of();
    }

    private Set<String> storeGroups(String vouchedBy, String callerName) {
        if (vouchedBy == null || PasskeyUser.NO_VOUCHING_STORE.equals(vouchedBy)) {
            return Set.of();
        }
        String key = currentKey(vouchedBy);
        for (KnownStore candidate : stores().validating()) {
            if (candidate.key().equals(key)) {
                return candidate.providesGroups()
                        ? Set.copyOf(candidate.store().getCallerGroups(new CredentialValidationResult(callerName)))
                        : Set.of();
            }
        }
        LOG.warning(() -> "The identity store " + vouchedBy + " that vouched for caller=" + LogText.header(callerName)
                + " is not deployed: the caller gets none of its groups");
        return Set.of();
    }

    /**
     * Whether a passkey caller whose account this store vouched for gets the groups Payara adds
     * itself for the application's realm: only when the store is Payara's realm store
     * ({@code @RealmIdentityStoreDefinition}, which answers no groups by name) and its realm is
     * the one {@code web.xml}'s {@code login-config} names, the realm Payara takes those groups
     * from. A realm store of another realm is said once at WARNING: its accounts get none of its
     * groups, never another realm's.
     *
     * @param applicationRealm the {@code realm-name} of the application's {@code login-config}, or {@code null}
     */
    boolean realmGroupsFromContainer(String vouchedBy, String applicationRealm) {
        if (!groupsEnabled || vouchedBy == null) {
            return false;
        }
        String key = currentKey(vouchedBy);
        for (KnownStore candidate : stores().validating()) {
            if (candidate.key().equals(key) && candidate.payaraRealm().isPresent()) {
                String storeRealm = candidate.payaraRealm().get();
                if (storeRealm.equals(applicationRealm)) {
                    return true;
                }
                if (warnedAbout.add("realm:" + key)) {
                    LOG.warning(() -> "Payara's realm store of realm '" + storeRealm + "' vouched for passkey accounts, but"
                            + " web.xml's login-config names " + (applicationRealm == null ? "no realm" : "realm '" + applicationRealm + "'")
                            + ": Payara adds that realm's groups, so passkey callers get none of the store's. Name realm '"
                            + storeRealm + "' in <login-config><realm-name>.");
                }
            }
        }
        return false;
    }

    /**
     * The groups a signed-in caller has now, as their sign-in gave them: the vouching store's
     * (for a passkey session only if groups from validating stores are on; a password session got
     * them from the handler either way) and those of every store that only provides groups.
     */
    Set<String> currentGroups(String vouchedBy, String callerName, boolean passkeySession) {
        Set<String> groups = new HashSet<>(passkeySession ? groupsOf(vouchedBy, callerName) : storeGroups(vouchedBy, callerName));
        CredentialValidationResult caller = new CredentialValidationResult(callerName);
        for (IdentityStore groupsOnly : stores().groupsOnly()) {
            groups.addAll(groupsOnly.getCallerGroups(caller));
        }
        return groups;
    }

    /** Found at first use, when every store bean exists; the lists never change afterwards. */
    private Stores stores() {
        Stores found = stores;
        if (found == null) {
            found = findStores();
            stores = found;
        }
        return found;
    }

    private Stores findStores() {
        List<KnownStore> validating = new ArrayList<>();
        List<IdentityStore> groupsOnly = new ArrayList<>();
        Map<String, String> renamedKeys = new HashMap<>();
        Set<String> formerKeysSeenTwice = new HashSet<>();
        for (Bean<?> bean : beans.getBeans(IdentityStore.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass() == PasskeyIdentityStore.class) {
                continue;
            }
            IdentityStore store = (IdentityStore) beans.getReference(bean, IdentityStore.class, beans.createCreationalContext(bean));
            Set<ValidationType> types = store.validationTypes();
            boolean providesGroups = types.contains(ValidationType.PROVIDE_GROUPS);
            if (types.contains(ValidationType.VALIDATE)) {
                Class<?> storeClass = StoreClasses.of(bean, store);
                String key = keyOf(storeClass, bean);
                String formerKey = keyOf(StoreClasses.ofBeanTypes(bean), bean);
                if (!formerKey.equals(key) && renamedKeys.putIfAbsent(formerKey, key) != null) {
                    formerKeysSeenTwice.add(formerKey);
                }
                validating.add(new KnownStore(key, store, providesGroups, storeClass, StoreClasses.inheritsCallerGroups(storeClass),
                        StoreClasses.payaraRealmOf(store)));
            } else if (providesGroups) {
                groupsOnly.add(store);
            }
        }
        // A former key that two stores had names neither: the account's store cannot be told.
        formerKeysSeenTwice.forEach(renamedKeys::remove);
        validating.sort(Comparator.comparingInt(known -> known.store().priority()));
        LOG.fine(() -> "Identity stores that can vouch for passkey accounts: "
                + validating.stream().map(KnownStore::key).collect(Collectors.joining(", ")));
        return new Stores(List.copyOf(validating), List.copyOf(groupsOnly), Map.copyOf(renamedKeys));
    }

    /** The key of a store of this class, with the bean's qualifiers other than {@code @Default}, {@code @Any} and {@code @Named}. */
    static String keyOf(Class<?> storeClass, Bean<?> bean) {
        String qualifiers = bean.getQualifiers().stream()
                .map(Annotation::annotationType)
                .filter(q -> q != Default.class && q != Any.class && q != Named.class)
                .map(Class::getName)
                .sorted()
                .collect(Collectors.joining(",", "[", "]"));
        return "[]".equals(qualifiers) ? storeClass.getName() : storeClass.getName() + qualifiers;
    }

    private record KnownStore(String key, IdentityStore store, boolean providesGroups, Class<?> storeClass,
                              boolean inheritsCallerGroups, Optional<String> payaraRealm) {
    }

    /**
     * The validating stores in the handler's order, the stores that only provide groups, and the
     * keys accounts may have recorded for a store before its key named its real class.
     */
    private record Stores(List<KnownStore> validating, List<IdentityStore> groupsOnly, Map<String, String> renamedKeys) {
    }
}
