package org.passkeyee.internal.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Member;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the producer method or field behind each identity store bean that one makes: CDI names
 * such a bean by the class that declares the producer, so two stores produced by one
 * configuration class would otherwise share a key ({@link VouchingStores}). The member,
 * {@code com.example.SecurityConfiguration#customerStore}, is unique in the application and
 * stays the same across restarts and nodes.
 */
public class ProducedIdentityStores implements Extension {

    private final Map<Bean<?>, String> producers = new ConcurrentHashMap<>();

    <T extends IdentityStore, X> void noteMethod(@Observes ProcessProducerMethod<T, X> event) {
        note(event.getBean(), event.getAnnotatedProducerMethod().getJavaMember());
    }

    <T extends IdentityStore, X> void noteField(@Observes ProcessProducerField<T, X> event) {
        note(event.getBean(), event.getAnnotatedProducerField().getJavaMember());
    }

    void note(Bean<?> bean, Member member) {
        producers.put(bean, member.getDeclaringClass().getName() + "#" + member.getName());
    }

    /** The producer that makes this bean, as {@code DeclaringClass#member}, if a producer makes it. */
    Optional<String> producerOf(Bean<?> bean) {
        return Optional.ofNullable(producers.get(bean));
    }
}
