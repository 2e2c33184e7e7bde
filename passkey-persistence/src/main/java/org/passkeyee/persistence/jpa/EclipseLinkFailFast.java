package org.passkeyee.persistence.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink only ({@link JpaProviderSetup} hands it to EclipseLink as the store's session
 * customizer): a read that meets a dead database connection fails at once instead of being
 * retried. EclipseLink's default retries it up to three times, 5 s apart, so during a database
 * outage every sign-in held an HTTP thread for about 10 s before its
 * {@code 503 store_unavailable}, and the log got a warning with a stack trace per retry. The
 * pool's connection validation (see the admin guide) keeps stale connections from reaching a query
 * once the database is back.
 *
 * <p>The customizer is an object, not a class name: the interface EclipseLink casts a customizer
 * to depends on its release. EclipseLink 4.0.1 (Payara Server 6.2025.9) has only
 * {@code org.eclipse.persistence.config.SessionCustomizer}; 4.0.7 (Payara 6.2025.10) adds
 * {@code org.eclipse.persistence.sessions.SessionCustomizer} and casts to it; EclipseLink 5
 * (Payara 7) has only the latter. A class implementing one of them fails the deployment
 * ({@code NoClassDefFoundError}) on the servers without it, so the customizer is a proxy that
 * implements whichever of the two the server's EclipseLink has, loaded by EclipseLink's own
 * class loader.
 */
final class EclipseLinkFailFast implements InvocationHandler {

    /** The customizer interfaces of EclipseLink's releases, older first. */
    static final List<String> CUSTOMIZER_INTERFACES = List.of(
            "org.eclipse.persistence.config.SessionCustomizer",
            "org.eclipse.persistence.sessions.SessionCustomizer");

    private EclipseLinkFailFast() {
    }

    /**
     * A session customizer for the EclipseLink whose classes {@code eclipseLink} loads (the
     * provider's class loader), implementing every customizer interface that release has.
     *
     * @throws IllegalStateException if it has neither (not an EclipseLink from 2.x to 5)
     */
    static Object customizer(ClassLoader eclipseLink) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : CUSTOMIZER_INTERFACES) {
            try {
                interfaces.add(Class.forName(name, false, eclipseLink));
            } catch (ClassNotFoundException absent) {
                // Not in this release of EclipseLink: the other one is.
            }
        }
        if (interfaces.isEmpty()) {
            throw new IllegalStateException("EclipseLink without a session customizer interface (" + CUSTOMIZER_INTERFACES
                    + ") in " + eclipseLink);
        }
        return Proxy.newProxyInstance(eclipseLink, interfaces.toArray(Class<?>[]::new), new EclipseLinkFailFast());
    }

    /** {@code customize(Session)}: no retry of a query whose connection failed. */
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "customize" -> {
                ((Session) args[0]).getLogin().setQueryRetryAttemptCount(0);
                yield null;
            }
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> EclipseLinkFailFast.class.getSimpleName();
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
