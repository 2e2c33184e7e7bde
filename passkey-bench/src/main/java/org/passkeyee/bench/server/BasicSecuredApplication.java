package org.passkeyee.bench.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * BENCHMARK PROBE, packed only into the benchmark's "basic" WAR next to {@link OpenMeServlet}:
 * switches on Jakarta Security with the platform's own Basic mechanism, so that the benchmark can
 * tell what Jakarta Security costs on every request from what the passkey mechanism adds to it.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "bench")
public class BasicSecuredApplication {
}
