package org.passkeyee.internal.http;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Refuses at deployment what would otherwise fail every request: on Jakarta EE 10 an application
 * has one {@link HttpAuthenticationMechanism}, and a second one beside the passkey mechanism (an
 * application's {@code @BasicAuthenticationMechanismDefinition}, its own mechanism class) makes
 * Jakarta Security's lookup ambiguous, so the server answers 500 to every request
 * ({@code WELD-001318}) although the deployment succeeded. Jakarta EE 11 lets an application
 * choose between several with an {@code HttpAuthenticationMechanismHandler}; there the check
 * stands aside.
 */
public final class SecondMechanismCheck {

    private static final String EE11_HANDLER =
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler";

    private SecondMechanismCheck() {
    }

    /** The deployment problem, if the application has another mechanism where only one may be. */
    public static Optional<IllegalStateException> problem(BeanManager beans, ClassLoader application) {
        if (isJakartaEe11(application)) {
            return Optional.empty();
        }
        List<String> others = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                .filter(bean -> bean.getBeanClass() != PasskeyAuthenticationMechanism.class
                        && !bean.getTypes().contains(PasskeyAuthenticationMechanism.class))
                .map(SecondMechanismCheck::nameOf)
                .sorted()
                .toList();
        return others.isEmpty() ? Optional.empty() : Optional.of(new IllegalStateException(message(others)));
    }

    static String message(List<String> others) {
        return "On Jakarta EE 10 an application has one HTTP authentication mechanism, and this one has the passkey"
                + " mechanism and " + String.join(", ", others) + " (every request would fail with an ambiguous"
                + " dependency). Remove " + (others.size() == 1 ? "it" : "them") + ": for HTTP Basic API clients set"
                + " passkey.basic-auth=true; a password form signs in with SecurityContext.authenticate; a web.xml FORM"
                + " login-config keeps its login page (README: 'Applications with a server realm or FORM login')."
                + " Or run on Jakarta EE 11 with an HttpAuthenticationMechanismHandler.";
    }

    /**
     * The mechanism's most telling name: its implementation type where the bean has one (Jakarta
     * Security's definitions are beans of the implementation's CDI extension), else its class.
     */
    static String nameOf(Bean<?> bean) {
        return bean.getTypes().stream()
                .filter(type -> type instanceof Class<?> c && c != Object.class && c != HttpAuthenticationMechanism.class
                        && HttpAuthenticationMechanism.class.isAssignableFrom(c))
                .map(type -> ((Class<?>) type))
                .max(Comparator.comparingInt(SecondMechanismCheck::depth))
                .map(Class::getName)
                .orElse(bean.getBeanClass().getName());
    }

    private static int depth(Type type) {
        int depth = 0;
        for (Class<?> c = (Class<?>) type; c != null; c = c.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    private static boolean isJakartaEe11(ClassLoader application) {
        try {
            Class.forName(EE11_HANDLER, false, application);
            return true;
        } catch (ClassNotFoundException ee10) {
            return false;
        }
    }
}
