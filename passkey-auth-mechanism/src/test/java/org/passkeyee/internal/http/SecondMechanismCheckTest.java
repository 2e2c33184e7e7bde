package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On Jakarta EE 10 (the API this module compiles against): a second mechanism fails the deployment, naming it. */
class SecondMechanismCheckTest {

    @Test
    void problemWhenTheApplicationAlsoDefinesBasicThenTheDeploymentFailsNamingItAndTheSetting() {
        BeanManager beans = beans(bean(PasskeyAuthenticationMechanism.class, Set.of(PasskeyAuthenticationMechanism.class,
                        HttpAuthenticationMechanism.class, Object.class)),
                bean(SomeExtension.class, Set.of(LegacyBasicMechanism.class, HttpAuthenticationMechanism.class, Object.class)));

        Optional<IllegalStateException> problem = SecondMechanismCheck.problem(beans, getClass().getClassLoader());

        String message = problem.orElseThrow().getMessage();
        assertTrue(message.contains(LegacyBasicMechanism.class.getName()), message);
        assertTrue(message.contains("passkey.basic-auth=true"), message);
    }

    @Test
    void problemWhenThePasskeyMechanismIsTheOnlyOneThenNone() {
        BeanManager beans = beans(bean(PasskeyAuthenticationMechanism.class, Set.of(PasskeyAuthenticationMechanism.class,
                HttpAuthenticationMechanism.class, Object.class)));

        assertEquals(Optional.empty(), SecondMechanismCheck.problem(beans, getClass().getClassLoader()));
    }

    private static BeanManager beans(Bean<?>... found) {
        BeanManager beans = mock(BeanManager.class);
        when(beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)).thenReturn(Set.of(found));
        return beans;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Bean<?> bean(Class<?> beanClass, Set<Type> types) {
        Bean bean = mock(Bean.class);
        when(bean.getBeanClass()).thenReturn(beanClass);
        when(bean.getTypes()).thenReturn(types);
        return bean;
    }

    /** Stands in for Jakarta Security's CDI extension, the bean class of its definitions' beans. */
    private static final class SomeExtension {
    }

    /** Stands in for the implementation of {@code @BasicAuthenticationMechanismDefinition}. */
    private static final class LegacyBasicMechanism implements HttpAuthenticationMechanism {
        @Override
        public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
            return AuthenticationStatus.NOT_DONE;
        }
    }
}
