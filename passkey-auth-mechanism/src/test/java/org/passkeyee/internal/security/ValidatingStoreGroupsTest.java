package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.UserVerificationPolicy;

/** Which of the application's stores a passkey caller's groups come from. */
class ValidatingStoreGroupsTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void groupsOfWhenStoresValidateAndProvideGroupsThenTheirGroupsForTheCallerName() {
        ValidatingStoreGroups groups = new ValidatingStoreGroups(beans(
                store("database", EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS), Map.of("clerk", Set.of("staff"))),
                store("handWritten", EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS), Map.of("clerk", Set.of("desk"))),
                store("passwordsOnly", EnumSet.of(ValidationType.VALIDATE), Map.of("clerk", Set.of("never"))),
                store("groupsOnly", EnumSet.of(ValidationType.PROVIDE_GROUPS), Map.of("clerk", Set.of("askedByTheHandler")))),
                configuration(true));

        assertEquals(Set.of("staff", "desk"), groups.groupsOf("clerk"));
        assertEquals(List.of("database", "handWritten"), asked, "only stores that validate and provide groups are asked");
        assertEquals(Set.of(), groups.groupsOf("stranger"));
    }

    @Test
    void passkeyStoreWhenGroupsFromValidatingStoresThenItProvidesGroupsSoTheHandlerKeepsThem() {
        ValidatingStoreGroups on = new ValidatingStoreGroups(beans(), configuration(true));
        ValidatingStoreGroups off = new ValidatingStoreGroups(beans(), configuration(false));

        assertEquals(EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS),
                new PasskeyIdentityStore(null, on).validationTypes());
        assertEquals(EnumSet.of(ValidationType.VALIDATE), new PasskeyIdentityStore(null, off).validationTypes());
    }

    @Test
    void groupsOfWhenSwitchedOffThenNoStoreIsAsked() {
        ValidatingStoreGroups groups = new ValidatingStoreGroups(beans(
                store("database", EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS), Map.of("clerk", Set.of("staff")))),
                configuration(false));

        assertEquals(Set.of(), groups.groupsOf("clerk"));
        assertEquals(List.of(), asked);
    }

    private IdentityStore store(String name, Set<ValidationType> types, Map<String, Set<String>> groupsByName) {
        return new IdentityStore() {
            @Override
            public Set<ValidationType> validationTypes() {
                return types;
            }

            @Override
            public Set<String> getCallerGroups(CredentialValidationResult result) {
                asked.add(name);
                return groupsByName.getOrDefault(result.getCallerPrincipal().getName(), Set.of());
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BeanManager beans(IdentityStore... stores) {
        BeanManager beanManager = mock(BeanManager.class);
        Set<Bean<?>> beans = new LinkedHashSet<>();
        for (IdentityStore store : stores) {
            Bean bean = mock(Bean.class);
            when(bean.getBeanClass()).thenReturn(store.getClass());
            when(beanManager.getReference(eq(bean), eq(IdentityStore.class), any())).thenReturn(store);
            beans.add(bean);
        }
        when(beanManager.getBeans(IdentityStore.class, Any.Literal.INSTANCE)).thenReturn(beans);
        return beanManager;
    }

    private static PasskeyConfiguration configuration(boolean groupsFromValidatingStores) {
        return new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 50_000, groupsFromValidatingStores, List.of(), 5);
    }
}
