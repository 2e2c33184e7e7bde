package org.passkeyee.it.produced;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.passkeyee.PasskeyAuthenticationMechanismDefinition;

/**
 * TEST-ONLY: the shop's security configuration. Two producer methods make its two password
 * stores, both {@link PasswordByNameStore}s: the staff directory (priority 10) and the customers
 * (priority 20). Sessions are checked again every second.
 */
@ApplicationScoped
@PasskeyAuthenticationMechanismDefinition(
        rpId = "localhost",
        rpName = "Shop",
        origins = "http://localhost",
        loginPage = "/signin.html",
        defaultRedirect = "/",
        groupRefreshSeconds = 1)
public class ShopSecurity {

    public static final String STAFF = "staff";
    public static final String CUSTOMER = "customer";
    public static final String READER = "reader";
    /** The staff directory's password suffix. */
    public static final String STAFF_PASSWORD = ":staff-pass";
    /** The staff directory's read-only login: its sign-in gives {@link #READER} only. */
    public static final String READ_ONLY_PASSWORD = ":read-only-pass";
    /** The customer store's password suffix. */
    public static final String CUSTOMER_PASSWORD = ":customer-pass";

    @Produces
    @ApplicationScoped
    IdentityStore staffDirectory() {
        return new PasswordByNameStore(10, STAFF_PASSWORD, Set.of(STAFF), READ_ONLY_PASSWORD, Set.of(READER));
    }

    @Produces
    @ApplicationScoped
    IdentityStore customers() {
        return new PasswordByNameStore(20, CUSTOMER_PASSWORD, Set.of(CUSTOMER), null, Set.of());
    }
}
