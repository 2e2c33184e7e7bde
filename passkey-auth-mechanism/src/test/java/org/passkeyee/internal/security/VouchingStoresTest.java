package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyUser;
import org.passkeyee.UserVerificationPolicy;

/**
 * Which of the application's stores vouched for a passkey account, and the groups a passkey
 * caller gets from it: those of that store only, never another store's for the same name.
 */
class VouchingStoresTest {

    private static final Set<ValidationType> BOTH = EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);

    private static final IdentityStoreHandler DEFAULT_HANDLER = new org.glassfish.soteria.cdi.DefaultIdentityStoreHandler();

    private final List<String> asked = new ArrayList<>();

    /** Staff directory and shop customers both know a jdoe: two people. */
    private final TestStore staff = new TestStore("staff", 10, BOTH, Map.of("jdoe", "staff-pass"), Map.of("jdoe", Set.of("staff")));
    private final TestStore customers = new TestStore("customers", 20, BOTH, Map.of("jdoe", "customer-pass"),
            Map.of("jdoe", Set.of("customer")));

    @Test
    void validateWhenTwoStoresKnowTheNameThenTheOneThatValidatedThePasswordEachAskedOnce() {
        VouchingStores stores = new VouchingStores(beans(customers, staff), configuration(true));

        VouchingStores.Validation asStaff = stores.validate(password("jdoe", "staff-pass"), DEFAULT_HANDLER);
        assertEquals(TestStore.class.getName() + "[" + Staff.class.getName() + "]", asStaff.vouchedBy());
        assertEquals(Set.of("staff"), asStaff.result().getCallerGroups());
        assertEquals(List.of("jdoe"), staff.validated);
        assertEquals(List.of(), customers.validated, "a store after the one that validated is not asked");

        VouchingStores.Validation asCustomer = stores.validate(password("jdoe", "customer-pass"), DEFAULT_HANDLER);
        assertEquals(TestStore.class.getName() + "[" + Customers.class.getName() + "]", asCustomer.vouchedBy());
        assertEquals(List.of("jdoe", "jdoe"), staff.validated, "each store saw the customer's password once, as the handler shows it");
        assertEquals(List.of("jdoe"), customers.validated);
    }

    @Test
    void validateWhenNoStoreValidatesThenInvalidAndNoStore() {
        VouchingStores stores = new VouchingStores(beans(customers, staff), configuration(true));

        VouchingStores.Validation refused = stores.validate(password("jdoe", "wrong"), DEFAULT_HANDLER);

        assertEquals(CredentialValidationResult.Status.INVALID, refused.result().getStatus());
        assertEquals(PasskeyUser.NO_VOUCHING_STORE, refused.vouchedBy());
    }

    @Test
    void validateWhenGroupOnlyStoresThenTheirGroupsToo() {
        TestStore roles = new TestStore("roles", 5, EnumSet.of(ValidationType.PROVIDE_GROUPS), Map.of(), Map.of("jdoe", Set.of("reader")));
        VouchingStores stores = new VouchingStores(beans(roles, staff), configuration(true));

        assertEquals(Set.of("staff", "reader"), stores.validate(password("jdoe", "staff-pass"), DEFAULT_HANDLER).result().getCallerGroups());
    }

    @Test
    void validateWhenTheApplicationHasItsOwnHandlerThenItsAnswerAndTheStoreFoundByAskingAgain() {
        VouchingStores stores = new VouchingStores(beans(customers, staff), configuration(true));
        IdentityStoreHandler own = credential -> new CredentialValidationResult("jdoe", Set.of("from-own-handler"));

        VouchingStores.Validation validation = stores.validate(password("jdoe", "customer-pass"), own);

        assertEquals(Set.of("from-own-handler"), validation.result().getCallerGroups());
        assertEquals(TestStore.class.getName() + "[" + Customers.class.getName() + "]", validation.vouchedBy());
    }

    @Test
    void validateWhenTheOnlyValidatingStoreAndOwnHandlerThenItWithoutAskingAgain() {
        TestStore groupsOnly = new TestStore("groupsOnly", 5, EnumSet.of(ValidationType.PROVIDE_GROUPS), Map.of(), Map.of());
        VouchingStores stores = new VouchingStores(beans(groupsOnly, staff), configuration(true));
        IdentityStoreHandler own = credential -> new CredentialValidationResult("jdoe");

        assertTrue(stores.validate(password("jdoe", "anything"), own).vouchedBy().endsWith("[" + Staff.class.getName() + "]"));
        assertEquals(List.of(), staff.validated, "one validating store: its password is not checked twice");
    }

    @Test
    void validateWhenNoStoreValidatesItAgainThenNone() {
        VouchingStores stores = new VouchingStores(beans(customers, staff), configuration(true));
        IdentityStoreHandler oneTimeCodes = credential -> new CredentialValidationResult("jdoe");

        assertEquals(PasskeyUser.NO_VOUCHING_STORE, stores.validate(password("jdoe", "one-time-code"), oneTimeCodes).vouchedBy());
    }

    @Test
    void groupsOfWhenTwoStoresKnowTheNameThenOnlyTheVouchingStoresGroups() {
        VouchingStores stores = new VouchingStores(beans(customers, staff), configuration(true));
        String customer = stores.validate(password("jdoe", "customer-pass"), DEFAULT_HANDLER).vouchedBy();

        assertEquals(Set.of("customer"), stores.groupsOf(customer, "jdoe"));
        assertEquals(List.of("customers"), asked, "the staff directory is never asked for the customer's groups");
    }

    @Test
    void groupsOfWhenNoStoreVouchedOrSwitchedOffThenNoStoreIsAsked() {
        VouchingStores on = new VouchingStores(beans(staff), configuration(true));
        VouchingStores off = new VouchingStores(beans(staff), configuration(false));
        String staffKey = on.validate(password("jdoe", "staff-pass"), DEFAULT_HANDLER).vouchedBy();

        assertEquals(Set.of(), on.groupsOf(PasskeyUser.NO_VOUCHING_STORE, "jdoe"), "a sign-up account");
        assertEquals(Set.of(), on.groupsOf("org.example.UndeployedStore", "jdoe"));
        assertEquals(Set.of(), off.groupsOf(staffKey, "jdoe"));
        assertEquals(List.of(), asked);
    }

    @Test
    void accountsStoredBeforeVouchingWasRecordedThenNoStoreEvenTheOnlyOne() {
        PasskeyUser legacy = new PasskeyUser("jdoe", "jdoe", new ByteArray(new byte[64]), Instant.EPOCH, null);
        VouchingStores oneStore = new VouchingStores(beans(staff), configuration(true));

        assertEquals(PasskeyUser.NO_VOUCHING_STORE, oneStore.vouchedByOf(legacy), "a sign-up of then looks the same");
        assertEquals(Set.of(), oneStore.groupsOf(oneStore.vouchedByOf(legacy), "jdoe"));
    }

    @Test
    void storesProducedByTwoMethodsOfOneClassThenTwoKeysAndEachPersonsGroups() throws NoSuchMethodException {
        TestStore staffDirectory = new TestStore("staff-directory", 10, BOTH, Map.of("jdoe", "staff-pass"), Map.of("jdoe", Set.of("staff")));
        TestStore shopCustomers = new TestStore("shop-customers", 20, BOTH, Map.of("jdoe", "customer-pass"),
                Map.of("jdoe", Set.of("customer")));
        BeanManager beanManager = beans(staffDirectory, shopCustomers);
        ProducedIdentityStores producers = new ProducedIdentityStores();
        List<Bean<?>> made = new ArrayList<>(beanManager.getBeans(IdentityStore.class, Any.Literal.INSTANCE));
        producers.note(made.get(0), SecurityConfiguration.class.getDeclaredMethod("staff"));
        producers.note(made.get(1), SecurityConfiguration.class.getDeclaredMethod("customers"));
        when(beanManager.getExtension(ProducedIdentityStores.class)).thenReturn(producers);
        VouchingStores stores = new VouchingStores(beanManager, configuration(true));

        String customer = stores.validate(password("jdoe", "customer-pass"), DEFAULT_HANDLER).vouchedBy();

        assertEquals(SecurityConfiguration.class.getName() + "#customers", customer);
        assertEquals(Set.of("customer"), stores.groupsOf(customer, "jdoe"));
        stores.checkKeysUnique();
    }

    @Test
    void storesWithOneKeyThenTheStartFailsNamingBothAndNoAccountGetsEitherStoresGroups() {
        TestStore one = new TestStore("one", 10, BOTH, Map.of("jdoe", "one-pass"), Map.of("jdoe", Set.of("staff")));
        TestStore two = new TestStore("two", 20, BOTH, Map.of("jdoe", "two-pass"), Map.of("jdoe", Set.of("customer")));
        VouchingStores stores = new VouchingStores(beans(one, two), configuration(true));

        IllegalStateException refused = assertThrows(IllegalStateException.class, stores::checkKeysUnique);

        assertTrue(refused.getMessage().contains(TestStore.class.getName()) && refused.getMessage().contains("qualifier"),
                refused::getMessage);
        assertEquals(PasskeyUser.NO_VOUCHING_STORE, stores.validate(password("jdoe", "two-pass"), DEFAULT_HANDLER).vouchedBy());
        assertEquals(Set.of(), stores.groupsOf(TestStore.class.getName(), "jdoe"), "never the first match");
        assertEquals(List.of(), asked);
    }

    @Test
    void passkeyStoreWhenGroupsFromValidatingStoresThenItProvidesGroupsSoTheHandlerKeepsThem() {
        assertEquals(BOTH, new PasskeyIdentityStore(null, new VouchingStores(beans(), configuration(true))).validationTypes());
        assertEquals(EnumSet.of(ValidationType.VALIDATE),
                new PasskeyIdentityStore(null, new VouchingStores(beans(), configuration(false))).validationTypes());
    }

    @Test
    void storeWhoseBeanIsTheBareInterfaceThenKnownByItsInstancesClassAndOldAccountsStillItsOwn() {
        RealmStore realm = new RealmStore();
        VouchingStores stores = new VouchingStores(interfaceBean(realm), configuration(true));
        PasskeyUser recordedBefore = new PasskeyUser("jdoe", "jdoe", new ByteArray(new byte[64]), Instant.EPOCH,
                IdentityStore.class.getName());

        assertEquals(RealmStore.class.getName(), stores.validate(password("jdoe", "realm-pass"), DEFAULT_HANDLER).vouchedBy());
        assertEquals(RealmStore.class.getName(), stores.vouchedByOf(recordedBefore));
        assertEquals(Set.of("TutorialUser"), stores.groupsOf(IdentityStore.class.getName(), "jdoe"));
        assertTrue(new org.passkeyee.internal.ceremony.SessionSignIn(RealmStore.class.getName(), null,
                Map.of(IdentityStore.class.getName(), RealmStore.class.getName())).mayJoin(recordedBefore));
    }

    @Test
    void storeWithoutGetCallerGroupsThenOneWarningNamingItsClassOnlyWhenItVouches() {
        GroupsOnlyInValidation lazy = new GroupsOnlyInValidation();
        VouchingStores stores = new VouchingStores(interfaceBean(lazy), configuration(true));

        List<String> atStart = org.passkeyee.testsupport.LogCapture.messagesDuring(VouchingStores.class.getName(),
                java.util.logging.Level.WARNING, () -> stores.groupsOf(PasskeyUser.NO_VOUCHING_STORE, "jdoe"));
        List<String> vouching = org.passkeyee.testsupport.LogCapture.messagesDuring(VouchingStores.class.getName(),
                java.util.logging.Level.WARNING, () -> {
                    stores.validate(password("jdoe", "x"), DEFAULT_HANDLER);
                    stores.validate(password("jdoe", "x"), DEFAULT_HANDLER);
                });

        assertEquals(List.of(), atStart, "no warning for a store that signed nobody in");
        assertEquals(1, vouching.size(), vouching::toString);
        assertTrue(vouching.get(0).contains(GroupsOnlyInValidation.class.getName()), vouching::toString);
    }

    /** As Payara's realm store: validates, and answers the realm's groups for a name. */
    private static final class RealmStore implements IdentityStore {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            return "realm-pass".equals(((UsernamePasswordCredential) credential).getPasswordAsString())
                    ? new CredentialValidationResult("jdoe", Set.of("TutorialUser")) : CredentialValidationResult.INVALID_RESULT;
        }

        @Override
        public Set<String> getCallerGroups(CredentialValidationResult result) {
            return Set.of("TutorialUser");
        }
    }

    /** Validates and provides groups, but only in its validation results. */
    private static final class GroupsOnlyInValidation implements IdentityStore {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            return new CredentialValidationResult("jdoe", Set.of("staff"));
        }
    }

    /** A store as Payara's security connectors register them: a bean of the bare interface. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BeanManager interfaceBean(IdentityStore store) {
        BeanManager beanManager = mock(BeanManager.class);
        Bean bean = mock(Bean.class);
        when(bean.getBeanClass()).thenReturn(IdentityStore.class);
        when(bean.getTypes()).thenReturn(Set.of(Object.class, IdentityStore.class));
        when(bean.getQualifiers()).thenReturn(Set.of(Any.Literal.INSTANCE, Default.Literal.INSTANCE));
        when(beanManager.getReference(eq(bean), eq(IdentityStore.class), any())).thenReturn(store);
        when(beanManager.getBeans(IdentityStore.class, Any.Literal.INSTANCE)).thenReturn(Set.of(bean));
        return beanManager;
    }

    private static Credential password(String name, String password) {
        return new UsernamePasswordCredential(name, password);
    }

    /** Two stores made by two producer methods of one class, as an existing shop has them. */
    private static final class SecurityConfiguration {
        IdentityStore staff() {
            return null;
        }

        IdentityStore customers() {
            return null;
        }
    }

    @interface Staff {
    }

    @interface Customers {
    }

    /** A store that validates passwords from a map and answers groups from another, recording what it is asked. */
    private final class TestStore implements IdentityStore {

        final String name;
        final int priority;
        final Set<ValidationType> types;
        final Map<String, String> passwords;
        final Map<String, Set<String>> groups;
        final List<String> validated = new ArrayList<>();

        TestStore(String name, int priority, Set<ValidationType> types, Map<String, String> passwords,
                  Map<String, Set<String>> groups) {
            this.name = name;
            this.priority = priority;
            this.types = types;
            this.passwords = passwords;
            this.groups = groups;
        }

        @Override
        public CredentialValidationResult validate(Credential credential) {
            UsernamePasswordCredential password = (UsernamePasswordCredential) credential;
            validated.add(password.getCaller());
            return password.getPasswordAsString().equals(passwords.get(password.getCaller()))
                    ? new CredentialValidationResult(password.getCaller(), groups.getOrDefault(password.getCaller(), Set.of()))
                    : CredentialValidationResult.INVALID_RESULT;
        }

        @Override
        public Set<String> getCallerGroups(CredentialValidationResult result) {
            asked.add(name);
            return groups.getOrDefault(result.getCallerPrincipal().getName(), Set.of());
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Set<ValidationType> validationTypes() {
            return types;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BeanManager beans(TestStore... stores) {
        BeanManager beanManager = mock(BeanManager.class);
        Set<Bean<?>> beans = new LinkedHashSet<>();
        for (TestStore store : stores) {
            Bean bean = mock(Bean.class);
            when(bean.getBeanClass()).thenReturn(Object.class); // as Soteria's synthetic store beans
            when(bean.getTypes()).thenReturn(Set.of(Object.class, IdentityStore.class, TestStore.class));
            Class<? extends java.lang.annotation.Annotation> qualifier = "staff".equals(store.name) ? Staff.class
                    : "customers".equals(store.name) ? Customers.class : Default.class; // others: told apart by nothing
            Set<java.lang.annotation.Annotation> qualifiers = Set.of(annotation(qualifier), Any.Literal.INSTANCE);
            when(bean.getQualifiers()).thenReturn(qualifiers);
            when(beanManager.getReference(eq(bean), eq(IdentityStore.class), any())).thenReturn(store);
            beans.add(bean);
        }
        when(beanManager.getBeans(IdentityStore.class, Any.Literal.INSTANCE)).thenReturn(beans);
        return beanManager;
    }

    private static java.lang.annotation.Annotation annotation(Class<? extends java.lang.annotation.Annotation> type) {
        java.lang.annotation.Annotation annotation = mock(java.lang.annotation.Annotation.class);
        when(annotation.annotationType()).thenAnswer(invocation -> type);
        return annotation;
    }

    private static PasskeyConfiguration configuration(boolean groupsFromValidatingStores) {
        return new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 50_000, groupsFromValidatingStores, List.of(), 5, Duration.ofMinutes(5), "");
    }
}
