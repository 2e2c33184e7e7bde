package org.passkeyee.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.util.List;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;
import org.passkeyee.PasskeyConfiguration;

/**
 * Switches the module on when, and only when, an application bean carries
 * {@link PasskeyAuthenticationMechanismDefinition}: then it adds the mechanism, the identity store
 * and their collaborators as beans, and the resolved {@link PasskeyConfiguration}. The JAR itself
 * is not a bean archive, so merely having it on the class path changes nothing.
 */
public class PasskeyExtension implements Extension {

    private static final List<Class<?>> BEANS = List.of(
            PasskeyRelyingParty.class,
            AuthenticatorNames.class,
            PasskeySummaries.class,
            RegistrationCeremony.class,
            AuthenticationCeremony.class,
            PasskeyIdentityStore.class,
            CeremonyLogins.class,
            PasskeyAuthenticationMechanism.class,
            CeremonyEndpoints.class,
            ManagementEndpoints.class);

    private PasskeyAuthenticationMechanismDefinition definition;
    private String definedOn;
    private String secondDefinition;
    private volatile PasskeyConfiguration configuration;

    <T> void findDefinition(@Observes @WithAnnotations(PasskeyAuthenticationMechanismDefinition.class)
                            ProcessAnnotatedType<T> event) {
        PasskeyAuthenticationMechanismDefinition found =
                event.getAnnotatedType().getAnnotation(PasskeyAuthenticationMechanismDefinition.class);
        if (found == null) {
            return;
        }
        String className = event.getAnnotatedType().getJavaClass().getName();
        if (definition != null && !className.equals(definedOn)) {
            secondDefinition = className;
            return;
        }
        definition = found;
        definedOn = className;
    }

    void addBeans(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (definition == null) {
            return;
        }
        for (Class<?> bean : BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(bean), PasskeyExtension.class.getName() + "/" + bean.getName());
        }
    }

    void addConfiguration(@Observes AfterBeanDiscovery event) {
        if (secondDefinition != null) {
            event.addDefinitionError(new IllegalStateException("@PasskeyAuthenticationMechanismDefinition is on both "
                    + definedOn + " and " + secondDefinition + "; keep one."));
        }
        if (definition == null) {
            return;
        }
        event.addBean()
                .types(PasskeyConfiguration.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration());
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event) {
        if (definition == null) {
            return;
        }
        try {
            configuration();
        } catch (IllegalStateException invalid) {
            event.addDeploymentProblem(invalid);
        }
    }

    private PasskeyConfiguration configuration() {
        PasskeyConfiguration resolved = configuration;
        if (resolved == null) {
            synchronized (this) {
                resolved = configuration;
                if (resolved == null) {
                    resolved = new ConfigurationResolver(PropertyOverrides.forCurrentApplication()).resolve(definition);
                    configuration = resolved;
                }
            }
        }
        return resolved;
    }
}
