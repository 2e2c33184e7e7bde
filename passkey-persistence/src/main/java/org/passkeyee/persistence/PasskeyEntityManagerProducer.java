package org.passkeyee.persistence;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The default source of the store's {@link EntityManager}: the container-managed,
 * transaction-scoped persistence context of this module's own unit {@code passkey}
 * ({@code META-INF/persistence.xml}, on {@code java:comp/DefaultDataSource}).
 *
 * <p>An application replaces it with an {@code @Alternative @Priority(...)} producer of its own;
 * a selected alternative wins over this bean in CDI's typesafe resolution.
 */
@Dependent
class PasskeyEntityManagerProducer {

    @Produces
    @PasskeyPersistenceContext
    @PersistenceContext(unitName = "passkey")
    private EntityManager entityManager;
}
