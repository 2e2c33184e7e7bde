package org.passkeyee.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeySettings;
import org.passkeyee.internal.ceremony.AuthenticationCeremony;
import org.passkeyee.internal.ceremony.AuthenticatorMetadata;
import org.passkeyee.internal.ceremony.AuthenticatorNames;
import org.passkeyee.internal.ceremony.DecoyCredentials;
import org.passkeyee.internal.ceremony.RegistrationCeremony;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.CeremonyKey;
import org.passkeyee.internal.config.DecoySecret;
import org.passkeyee.internal.config.ExistingLogins;
import org.passkeyee.internal.config.ModuleConfiguration;
import org.passkeyee.internal.http.AccountEndpoints;
import org.passkeyee.internal.http.CeremonyEndpoints;
import org.passkeyee.internal.http.ManagementEndpoints;
import org.passkeyee.internal.http.PasskeyAuthenticationMechanism;
import org.passkeyee.internal.http.PasskeySummaries;
import org.passkeyee.internal.http.SecondMechanismCheck;
import org.passkeyee.internal.http.SignInRequests;
import org.passkeyee.internal.security.CallerAccounts;
import org.passkeyee.internal.security.ElytronRealmIdentityStore;
import org.passkeyee.internal.security.FailedSignIns;
import org.passkeyee.internal.security.PasskeyIdentityStore;
import org.passkeyee.internal.security.SessionCallerProofs;
import org.passkeyee.internal.security.SessionRecheck;
import org.passkeyee.internal.security.SignIns;
import org.passkeyee.internal.security.UnvouchedAccounts;
import org.passkeyee.internal.security.VouchingStores;

/**
 * Switches the module on when, and only when, an application bean carries
 * {@link PasskeyAuthenticationMechanismDefinition}: then it adds the mechanism, the identity store
 * and their collaborators as beans, and the resolved {@link PasskeyConfiguration}. Without it the
 * module's beans are vetoed, so merely having the JAR on the class path changes nothing.
 *
 * <p>Servers disagree on whether {@code @Singleton} classes of an {@code annotated} bean archive
 * are discovered (Payara discovers them), so the extension adds whichever of its beans discovery
 * did not find, and vetoes them all when the module is not switched on.
 */
public class PasskeyExtension implements Extension {

    private static final List<Class<?>> BEANS = List.of(
            PendingCeremonies.class,
            DecoyCredentials.class,
            FailedSignIns.class,
            AuthenticatorNames.class,
            PasskeySummaries.class,
            RegistrationCeremony.class,
            AuthenticationCeremony.class,
            VouchingStores.class,
            CallerAccounts.class,
            PasskeyIdentityStore.class,
            ElytronRealmIdentityStore.class,
            SignIns.class,
            SignInRequests.class,
            PasskeyAuthenticationMechanism.class,
            CeremonyEndpoints.class,
            ManagementEndpoints.class,
            AccountEndpoints.class,
            SessionRecheck.class,
            UnvouchedAccounts.class,
            SessionCallerProofs.class);

    private final Set<Class<?>> discovered = new HashSet<>();
    private PasskeyAuthenticationMechanismDefinition definition;
    private String definedOn;
    private String secondDefinition;
    private volatile ModuleConfiguration configuration;
    private volatile AuthenticatorMetadata metadata;

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

    <T> void noteDiscovered(@Observes @WithAnnotations(Singleton.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (BEANS.contains(type)) {
            discovered.add(type);
        }
    }

    void addBeans(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (definition == null) {
            return;
        }
        for (Class<?> bean : BEANS) {
            if (discovered.contains(bean)) {
                continue;
            }
            event.addAnnotatedType(beanManager.createAnnotatedType(bean), PasskeyExtension.class.getName() + "/" + bean.getName());
        }
    }

    <T> void vetoWhenSwitchedOff(@Observes ProcessBeanAttributes<T> event) {
        if (definition == null && event.getAnnotated() instanceof jakarta.enterprise.inject.spi.AnnotatedType<?> type
                && BEANS.contains(type.getJavaClass())) {
            event.veto();
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
                .createWith(context -> configuration().configuration());
        event.addBean()
                .types(DecoySecret.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration().decoySecret());
        event.addBean()
                .types(CeremonyKey.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration().ceremonyKey());
        event.addBean()
                .types(PasskeySettings.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration().settings());
        event.addBean()
                .types(AuthenticatorPolicy.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration().authenticatorPolicy());
        event.addBean()
                .types(ExistingLogins.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> configuration().existingLogins());
        event.addBean()
                .types(AuthenticatorMetadata.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> metadata());
    }

    void validateConfiguration(@Observes AfterDeploymentValidation event, BeanManager beans) {
        if (definition == null) {
            return;
        }
        SecondMechanismCheck.problem(beans, Thread.currentThread().getContextClassLoader())
                .ifPresent(event::addDeploymentProblem);
        try {
            configuration();
            metadata();
        } catch (IllegalStateException invalid) {
            event.addDeploymentProblem(invalid);
        }
    }

    /** The FIDO metadata, loaded and verified once (a BLOB that cannot be trusted fails the deployment). */
    private AuthenticatorMetadata metadata() {
        AuthenticatorMetadata loaded = metadata;
        if (loaded == null) {
            synchronized (this) {
                loaded = metadata;
                if (loaded == null) {
                    loaded = configuration().authenticatorPolicy().metadata()
                            .map(AuthenticatorMetadata::load)
                            .orElseGet(AuthenticatorMetadata::none);
                    metadata = loaded;
                }
            }
        }
        return loaded;
    }

    /** Resolved once, at the first bean that needs it or at validation, whichever comes first. */
    private ModuleConfiguration configuration() {
        ModuleConfiguration resolved = configuration;
        if (resolved == null) {
            synchronized (this) {
                resolved = configuration;
                if (resolved == null) {
                    resolved = ModuleConfiguration.resolve(definition);
                    configuration = resolved;
                }
            }
        }
        return resolved;
    }
}
