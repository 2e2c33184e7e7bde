package org.passkeyee.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition.Credentials;

/**
 * TEST-ONLY, Jakarta EE 11: a second mechanism beside the passkey one, added to the sample WAR by
 * {@code MechanismCoexistenceIT}. HTTP Basic (qualified {@code @BasicAuthenticationMechanism}, as
 * Security 4 qualifies its built-in mechanisms) against an in-memory identity store with one
 * caller; {@link PasskeyOrBasicHandler} chooses between the two mechanisms.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "passkeyee-it")
@InMemoryIdentityStoreDefinition(@Credentials(
        callerName = BasicBesidePasskeys.CALLER, password = BasicBesidePasskeys.PASSWORD, groups = "user"))
public class BasicBesidePasskeys {

    /** The caller the in-memory identity store knows. */
    public static final String CALLER = "basic-operator";

    /** That caller's password (a test fixture, nothing else). */
    public static final String PASSWORD = "not-a-secret";
}
