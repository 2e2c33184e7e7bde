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
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
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
import org.passkeyee.internal.ceremony.SessionSignIn;
import org.passkeyee.internal.shared.LogText;

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
 * <p>A store is known by its key: the producer method or field that makes it
 * ({@link ProducedIdentityStores}), else its class, and its qualifiers other than
 * {@code @Default}, {@code @Any} and {@code @Named}. Its class is the most specific class among
 * its bean types that implements {@code IdentityStore} (Soteria's built-in stores are beans of
 * its extension's class); where its bean has none (Payara's realm stores are beans of the bare
 * interface), the class of the instance behind the bean ({@link StoreClasses}). Accounts
 * recorded with a key the store had before ({@link #formerKeys}) count as vouched for by it when
 * no other store had that key. Two stores with one key cannot be told apart: the application
 * fails to start ({@link #checkKeysUnique}), and no account is ever given to either of them.
 * An account that recorded no store (stored before schema version 3) is vouched for by none
 * until an administrator assigns it.
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

    /** A credential the application's stores validated, and the key of the store that did ({@link #validate}). */
    record Validation(CredentialValidationResult result, String vouchedBy) {
    }

    /**
     * Validates a credential the application passes (a password, typically) as Jakarta Security's
     * default identity store handler does (its specification's order: the validating stores by
     * priority until one answers {@code VALID}; that store's groups if it provides groups, and
     * those of every store that only provides groups), and names the store that validated it. So
     * each store sees the password once, as the handler would show it, and no store is asked
     * again. An application that brings its own handler gets its handler's answer; the store is
     * then found by asking the validating stores again, in the handler's order, until one
     * validates the credential for the same caller: the only way to learn it there.
     *
     * @param handler the container's identity store handler
     * @return the result, and {@link PasskeyUser#NO_VOUCHING_STORE} as the store when no store
     *         of the application validated it (one-time codes, a handler of the application's own)
     */
    Validation validate(Credential credential, IdentityStoreHandler handler) {
        if (!StoreClasses.isDefaultHandler(handler)) {
            CredentialValidationResult result = handler.validate(credential);
            return new Validation(result, result.getStatus() == CredentialValidationResult.Status.VALID
                    ? askAgain(credential, result) : PasskeyUser.NO_VOUCHING_STORE);
        }
        boolean invalid = false;
        for (KnownStore candidate : stores().validating()) {
            CredentialValidationResult result = candidate.store().validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return new Validation(withGroupOnlyStores(result, candidate.providesGroups()), vouching(candidate));
            }
            invalid |= result.getStatus() == CredentialValidationResult.Status.INVALID;
        }
        return new Validation(invalid ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT,
                PasskeyUser.NO_VOUCHING_STORE);
    }

    /** The validating store's result with the groups the default handler gives: its own if it provides them, and the group-only stores'. */
    private CredentialValidationResult withGroupOnlyStores(CredentialValidationResult result, boolean storeProvidesGroups) {
        Set<String> groups = new HashSet<>(storeProvidesGroups ? result.getCallerGroups() : Set.of());
        for (IdentityStore groupsOnly : stores().groupsOnly()) {
            groups.addAll(groupsOnly.getCallerGroups(result));
        }
        return new CredentialValidationResult(result.getIdentityStoreId(), result.getCallerPrincipal(), result.getCallerDn(),
                result.getCallerUniqueId(), groups);
    }

    /** The store that validated a credential an application's own handler validated: see {@link #validate}. */
    private String askAgain(Credential credential, CredentialValidationResult result) {
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
        if (stores().ambiguous().containsKey(store.key())) {
            return PasskeyUser.NO_VOUCHING_STORE;
        }
        if (store.providesGroups() && store.inheritsCallerGroups() && warnedAbout.add(store.key())) {
            LOG.warning(() -> "Identity store " + store.storeClass().getName() + " validates and provides groups but does"
                    + " not implement getCallerGroups, so callers who sign in with a passkey get none of its groups."
                    + " Implement getCallerGroups(CredentialValidationResult) to answer them by caller name.");
        }
        return store.key();
    }

    /**
     * The key of the store that vouched for an account, as it is known now: what the account
     * recorded; none for an account that recorded none (a sign-up, or one stored before schema
     * version 3 that no administrator assigned yet: a sign-up of then looks the same).
     */
    String vouchedByOf(PasskeyUser account) {
        return currentKey(account.vouchedBy());
    }

    private String currentKey(String recorded) {
        return recorded == null ? PasskeyUser.NO_VOUCHING_STORE : stores().renamedKeys().getOrDefault(recorded, recorded);
    }

    /** How this request's session signed in, for a passkey it adds ({@link SessionSignIn#mayJoin}). */
    public SessionSignIn sessionSignIn(HttpServletRequest request) {
        return new SessionSignIn(SessionState.vouchedBy(request), SessionState.passkeyAccount(request), stores().renamedKeys());
    }

    /**
     * Fails the application's start when two of its validating stores have one key: the module
     * could not tell which of them vouched for an account, and one person's passkey would get
     * the other's groups. Stores that cannot be made yet are found at their first use instead.
     *
     * @throws IllegalStateException naming the stores and how to tell them apart
     */
    public void checkKeysUnique() {
        Stores found;
        try {
            found = stores();
        } catch (RuntimeException notYet) {
            LOG.fine(() -> "Identity stores not checked at start, they cannot be made yet: " + notYet);
            return;
        }
        if (!found.ambiguous().isEmpty()) {
            throw new IllegalStateException("Identity stores that validate credentials share a key, so the passkey module"
                    + " cannot tell which of them vouched for an account: " + String.join("; ", found.ambiguous().values())
                    + ". Give each a CDI qualifier of its own (an annotation marked @jakarta.inject.Qualifier) on its class"
                    + " or producer method.");
        }
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
        Optional<KnownStore> store = storeOf(currentKey(vouchedBy));
        if (store.isEmpty()) {
            LOG.warning(() -> "The identity store " + vouchedBy + " that vouched for caller=" + LogText.header(callerName)
                    + " is not deployed, or another store has its key: the caller gets none of its groups");
            return Set.of();
        }
        return store.get().providesGroups()
                ? Set.copyOf(store.get().store().getCallerGroups(new CredentialValidationResult(callerName)))
                : Set.of();
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
        for (KnownStore candidate : storeOf(key).stream().toList()) {
            if (candidate.payaraRealm().isPresent()) {
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

    /**
     * Which validating stores know a name, asked by name ({@code getCallerGroups}: a store that
     * gives the name groups knows it), for accounts that recorded no store ({@link UnvouchedAccounts}).
     *
     * @return the keys of the stores that know it, or empty when some store cannot be asked by
     *         name (it does not answer groups by name), so that no answer would be certain
     */
    Optional<List<String>> storesKnowing(String name) {
        List<String> knowing = new ArrayList<>();
        CredentialValidationResult caller = new CredentialValidationResult(name);
        for (KnownStore candidate : stores().validating()) {
            if (!candidate.providesGroups() || candidate.inheritsCallerGroups() || stores().ambiguous().containsKey(candidate.key())) {
                return Optional.empty();
            }
            if (!candidate.store().getCallerGroups(caller).isEmpty()) {
                knowing.add(candidate.key());
            }
        }
        return Optional.of(knowing);
    }

    /** The one validating store with this key: none when no store, or more than one, has it. */
    private Optional<KnownStore> storeOf(String key) {
        Stores found = stores();
        if (found.ambiguous().containsKey(key)) {
            return Optional.empty();
        }
        return found.validating().stream().filter(candidate -> candidate.key().equals(key)).findFirst();
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
        Map<String, String> describedByKey = new HashMap<>();
        Map<String, String> ambiguous = new HashMap<>();
        for (Bean<?> bean : beans.getBeans(IdentityStore.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass() == PasskeyIdentityStore.class) {
                continue;
            }
            IdentityStore store = (IdentityStore) beans.getReference(bean, IdentityStore.class, beans.createCreationalContext(bean));
            Set<ValidationType> types = store.validationTypes();
            boolean providesGroups = types.contains(ValidationType.PROVIDE_GROUPS);
            if (types.contains(ValidationType.VALIDATE)) {
                Class<?> storeClass = StoreClasses.of(bean, store);
                Optional<String> producer = producerOf(bean);
                String key = keyOf(producer.orElse(storeClass.getName()), bean);
                for (String formerKey : formerKeys(bean, storeClass, producer.isPresent())) {
                    if (!formerKey.equals(key) && renamedKeys.putIfAbsent(formerKey, key) != null) {
                        formerKeysSeenTwice.add(formerKey);
                    }
                }
                String described = storeClass.getName() + producer.map(member -> " made by " + member).orElse("");
                String other = describedByKey.putIfAbsent(key, described);
                if (other != null) {
                    ambiguous.merge(key, other + " and " + described + " (key " + key + ")",
                            (before, added) -> before + " and " + described);
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
        ambiguous.values().forEach(stores -> LOG.severe(() -> "Identity stores with one key, told apart by nothing: " + stores
                + ". Their accounts get none of their groups; give each a CDI qualifier of its own."));
        return new Stores(List.copyOf(validating), List.copyOf(groupsOnly), Map.copyOf(renamedKeys), Map.copyOf(ambiguous));
    }

    /**
     * The keys accounts may have recorded for this store before its key was what it is: its bean
     * types' class (before keys named the instance's class) and, for a produced store, the class
     * it makes (before keys named the producer).
     */
    private static Set<String> formerKeys(Bean<?> bean, Class<?> storeClass, boolean produced) {
        Set<String> former = new HashSet<>();
        former.add(keyOf(StoreClasses.ofBeanTypes(bean).getName(), bean));
        if (produced) {
            former.add(keyOf(storeClass.getName(), bean));
        }
        return former;
    }

    private Optional<String> producerOf(Bean<?> bean) {
        ProducedIdentityStores producers = beans.getExtension(ProducedIdentityStores.class);
        return producers == null ? Optional.empty() : producers.producerOf(bean);
    }

    /**
     * The key of a store: what names it (its producer, else its class), with the bean's
     * qualifiers other than {@code @Default}, {@code @Any} and {@code @Named}.
     */
    static String keyOf(String storeName, Bean<?> bean) {
        String qualifiers = bean.getQualifiers().stream()
                .map(Annotation::annotationType)
                .filter(q -> q != Default.class && q != Any.class && q != Named.class)
                .map(Class::getName)
                .sorted()
                .collect(Collectors.joining(",", "[", "]"));
        return "[]".equals(qualifiers) ? storeName : storeName + qualifiers;
    }

    private record KnownStore(String key, IdentityStore store, boolean providesGroups, Class<?> storeClass,
                              boolean inheritsCallerGroups, Optional<String> payaraRealm) {
    }

    /**
     * The validating stores in the handler's order, the stores that only provide groups, the keys
     * accounts may have recorded for a store before its key was what it is, and the keys that
     * more than one store has, with those stores named.
     */
    private record Stores(List<KnownStore> validating, List<IdentityStore> groupsOnly, Map<String, String> renamedKeys,
                          Map<String, String> ambiguous) {
    }
}
