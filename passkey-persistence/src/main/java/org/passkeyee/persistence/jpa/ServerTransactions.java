package org.passkeyee.persistence.jpa;

import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's JTA transaction manager, recognised by the JNDI name under which the server
 * publishes it, with the names the JPA providers give to that server's integration. A container
 * passes these to its provider for the units it deploys; the store deploys its unit itself
 * (see {@link PasskeyPersistenceUnit}), so it passes them too.
 */
enum ServerTransactions {

    /** Payara and GlassFish. */
    GLASSFISH("java:appserver/TransactionManager", "Glassfish", "SunOne"),
    /** WildFly and JBoss EAP. */
    WILDFLY("java:jboss/TransactionManager", "JBoss", "JBossAS"),
    /** Neither: the provider is left to find the transaction manager on its own. */
    UNKNOWN(null, null, null);

    private final String jndiName;
    private final String eclipseLinkTargetServer;
    private final String hibernateJtaPlatform;

    ServerTransactions(String jndiName, String eclipseLinkTargetServer, String hibernateJtaPlatform) {
        this.jndiName = jndiName;
        this.eclipseLinkTargetServer = eclipseLinkTargetServer;
        this.hibernateJtaPlatform = hibernateJtaPlatform;
    }

    /** The server this code runs on, by the first transaction manager name that resolves. */
    static ServerTransactions detect() {
        for (ServerTransactions server : values()) {
            if (server.jndiName != null && resolves(server.jndiName)) {
                return server;
            }
        }
        return UNKNOWN;
    }

    /** Value of {@code eclipselink.target-server}. */
    Optional<String> eclipseLinkTargetServer() {
        return Optional.ofNullable(eclipseLinkTargetServer);
    }

    /** Value of {@code hibernate.transaction.jta.platform} (a short name Hibernate 6 and 7 both know). */
    Optional<String> hibernateJtaPlatform() {
        return Optional.ofNullable(hibernateJtaPlatform);
    }

    private static boolean resolves(String name) {
        try {
            InitialContext context = new InitialContext();
            try {
                return context.lookup(name) != null;
            } finally {
                context.close();
            }
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }
}
