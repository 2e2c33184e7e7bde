package org.passkeyee.it.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.passkeyee.persistence.PasskeyPersistenceContext;

/**
 * TEST-ONLY, added to a deployment by {@link ProxiedPostgres}: keeps the passkey store in the
 * application's own persistence unit {@value #UNIT} (PostgreSQL through a {@link TcpProxy}), the
 * documented way to give the store another datasource (see {@code org.passkeyee.persistence}).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@Dependent
public class ProxiedPasskeyEntityManager {

    /** The persistence unit the deployment defines. */
    public static final String UNIT = "passkey-proxied";

    @Produces
    @PasskeyPersistenceContext
    @PersistenceContext(unitName = UNIT)
    EntityManager entityManager;
}
