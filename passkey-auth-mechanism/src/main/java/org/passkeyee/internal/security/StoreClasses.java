package org.passkeyee.internal.security;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Type;

/**
 * The class of an identity store, for its key and for what the log says about it. CDI names it
 * in different ways: an application's store is a bean of its class; Soteria's built-in stores are
 * beans of its extension's class whose types include the store's class; Payara's realm stores
 * ({@code @RealmIdentityStoreDefinition} and its kin) are beans of the bare {@code IdentityStore}
 * interface, whose instance alone tells the class.
 */
final class StoreClasses {

    /** Weld's client proxy interface (Weld is the CDI of Payara and WildFly alike). */
    private static final String WELD_CLIENT_PROXY = "org.jboss.weld.proxy.WeldClientProxy";
    /** Payara Server's store of {@code @RealmIdentityStoreDefinition}. */
    private static final String PAYARA_REALM_STORE = "fish.payara.security.realm.identitystores.RealmIdentityStore";
    /** Soteria's identity store handler, the default of Payara and WildFly. */
    private static final String SOTERIA_DEFAULT_HANDLER = "org.glassfish.soteria.cdi.DefaultIdentityStoreHandler";
    /** What Weld's generated proxy and subclass names contain. */
    private static final String WELD_GENERATED = "$Proxy$_$$_Weld";

    private StoreClasses() {
    }

    /** The store's class: from the bean's types where they name one, else from the instance behind {@code reference}. */
    static Class<?> of(Bean<?> bean, Object reference) {
        Class<?> named = ofBeanTypes(bean);
        return !named.isInterface() && IdentityStore.class.isAssignableFrom(named) ? named : instanceClass(reference);
    }

    /**
     * The most specific class among the bean's types that implements {@code IdentityStore}, else
     * the bean's class: all that keys were made of before they named the instance's class.
     */
    static Class<?> ofBeanTypes(Bean<?> bean) {
        Class<?> type = bean.getBeanClass();
        for (Type beanType : bean.getTypes()) {
            if (beanType instanceof Class<?> candidate && !candidate.isInterface() && IdentityStore.class.isAssignableFrom(candidate)
                    && (!IdentityStore.class.isAssignableFrom(type) || type.isAssignableFrom(candidate))) {
                type = candidate;
            }
        }
        return type;
    }

    /** Whether a store of this class answers {@code getCallerGroups} with the interface's default: no groups. */
    static boolean inheritsCallerGroups(Class<?> storeClass) {
        if (!IdentityStore.class.isAssignableFrom(storeClass)) {
            return false;
        }
        try {
            return storeClass.getMethod("getCallerGroups", CredentialValidationResult.class).getDeclaringClass() == IdentityStore.class;
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The realm of a Payara Server realm store ({@code @RealmIdentityStoreDefinition}), as its
     * definition named it; empty for any other store. Payara's store answers no groups by caller
     * name ({@code getCallerGroups}), but Payara itself adds the groups of the application's realm
     * to every caller it is told about: for an account this store vouched for, those are the
     * realm's groups when the two realms are one.
     */
    static java.util.Optional<String> payaraRealmOf(Object reference) {
        Object instance = instance(reference);
        for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(PAYARA_REALM_STORE)) {
                try {
                    java.lang.reflect.Field field = type.getDeclaredField("configuration");
                    field.setAccessible(true);
                    Object configuration = field.get(instance);
                    return configuration == null ? java.util.Optional.empty()
                            : java.util.Optional.of(String.valueOf(configuration.getClass().getMethod("getName").invoke(configuration)));
                } catch (ReflectiveOperationException | RuntimeException notThisPayara) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether the container's identity store handler is Soteria's default one (Payara's and
     * WildFly's alike), which asks the stores exactly as Jakarta Security specifies.
     */
    static boolean isDefaultHandler(Object handler) {
        return instanceClass(handler).getName().equals(SOTERIA_DEFAULT_HANDLER);
    }

    /** The class of the instance behind a CDI reference: through Weld's client proxy, without Weld's subclasses. */
    private static Class<?> instanceClass(Object reference) {
        Class<?> type = instance(reference).getClass();
        while (type.getName().contains(WELD_GENERATED) && type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            type = type.getSuperclass();
        }
        return type;
    }

    /** The instance behind a CDI reference: through Weld's client proxy. */
    private static Object instance(Object reference) {
        Object instance = reference;
        for (Class<?> type : reference.getClass().getInterfaces()) {
            if (type.getName().equals(WELD_CLIENT_PROXY)) {
                try {
                    Object metadata = type.getMethod("getMetadata").invoke(reference);
                    instance = Class.forName(WELD_CLIENT_PROXY + "$Metadata", false, type.getClassLoader())
                            .getMethod("getContextualInstance").invoke(metadata);
                } catch (ReflectiveOperationException | RuntimeException notThisWeld) {
                    instance = reference;
                }
            }
        }
        return instance;
    }
}
