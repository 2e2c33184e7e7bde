package org.passkeyee.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink only (named in the {@code passkey} persistence unit as
 * {@code eclipselink.session.customizer}; Hibernate ignores it): a read that meets a dead
 * database connection fails at once instead of being retried. EclipseLink's default retries it
 * up to three times, 5 s apart, so during a database outage every sign-in held an HTTP thread
 * for about 10 s before its {@code 503 store_unavailable}, and the log got a warning with a stack
 * trace per retry. The pool's connection validation (see the admin guide) keeps stale
 * connections from reaching a query once the database is back.
 *
 * <p>An application that keeps passkeys in a persistence unit of its own can name this class in
 * that unit too. Not API otherwise: public only because EclipseLink instantiates it.
 */
public final class EclipseLinkFailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
