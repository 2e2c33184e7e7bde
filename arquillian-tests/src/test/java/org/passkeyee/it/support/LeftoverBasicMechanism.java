package org.passkeyee.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * TEST-ONLY: what an application upgraded to passkeys may still carry, its HTTP Basic definition
 * for API clients. On Jakarta EE 10 it makes a second mechanism beside the passkey one, which
 * must fail the deployment.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "api")
public class LeftoverBasicMechanism {
}
