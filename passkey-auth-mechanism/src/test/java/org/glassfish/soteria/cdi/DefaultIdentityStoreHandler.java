package org.glassfish.soteria.cdi;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * Stands in for Soteria's default identity store handler, known by its class name: the module asks
 * the stores itself, as the specification says this handler does, and never calls it.
 */
public class DefaultIdentityStoreHandler implements IdentityStoreHandler {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        throw new AssertionError("the default handler's algorithm is the module's own: it is never called");
    }
}
