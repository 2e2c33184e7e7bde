package org.passkeyee.persistence;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink only (named by {@link JpaProviderSetup} when EclipseLink builds the store's unit):
 * a read that meets a dead database connection fails at once instead of being retried.
 * EclipseLink's default retries it up to three times, 5 s apart, so during a database outage
 * every sign-in held an HTTP thread for about 10 s before its {@code 503 store_unavailable}, and
 * the log got a warning with a stack trace per retry. The pool's connection validation (see the
 * admin guide) keeps stale connections from reaching a query once the database is back.
 *
 * <p>It implements {@code org.eclipse.persistence.sessions.SessionCustomizer}, which EclipseLink 4
 * (Payara 6) and 5 (Payara 7) both have; the older {@code config.SessionCustomizer} is gone in 5.
 * Not API: public only because EclipseLink instantiates it.
 */
public final class EclipseLinkFailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
