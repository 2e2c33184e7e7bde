package org.passkeyee.persistence.jpa;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.persistence.config.StoreSettings;
import org.passkeyee.persistence.schema.StoreTables;

/**
 * The store's entity managers: one per JTA transaction, from an entity manager factory that this
 * bean builds itself with the server's JPA provider (see {@link PasskeyPersistenceUnit} for why
 * the container must not see the unit); and the same datasource's connections for the sign-in's
 * plain JDBC statements ({@link StoreConnections}).
 *
 * <p>The factory is built once, at application start when passkeys are switched on
 * ({@code PasskeyStoreStartup}) or at the first use. A datasource name that does not resolve is a
 * configuration error ({@link IllegalStateException}, which fails the deployment); a database that
 * does not answer is an outage ({@link PasskeyStoreException}, a 503), after which the next use
 * tries again.
 *
 * <p>Public for the store's listener ({@code PasskeyStoreStartup}); not API.
 */
@ApplicationScoped
public class StoreEntityManagers {

    private static final Logger LOG = Logger.getLogger(StoreEntityManagers.class.getName());

    private final Object lock = new Object();
    private volatile Opened opened;
    private volatile EntityManager transactionEntityManager;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    StoreSettings settings;

    /**
     * Builds the factory now if it is not built yet (connecting, and creating missing tables).
     *
     * @throws PasskeyStoreException if the database does not answer (the next use tries again)
     * @throws IllegalStateException if the settings or the datasource's name cannot be used
     */
    public void open() {
        factory();
    }

    /**
     * The current transaction's entity manager, joined to it, closed when it ends: what a
     * container-managed {@code @PersistenceContext} gives, for a unit the container does not know
     * (see {@link TransactionEntityManager}).
     */
    @Produces
    @PasskeyPersistenceContext
    EntityManager entityManager() {
        EntityManager em = transactionEntityManager;
        if (em == null) {
            em = TransactionEntityManager.of(this::factory, transactions);
            transactionEntityManager = em;
        }
        return em;
    }

    /**
     * Connections of the store's datasource, once its tables are there. Inside a JTA transaction
     * the server enlists each in the transaction, so they share it with the entity manager.
     */
    @Produces
    StoreConnections connections() {
        return new StoreConnections() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                try (Connection connection = opened().dataSource().getConnection()) {
                    return work.run(connection);
                }
            }
        };
    }

    @PreDestroy
    void closeFactory() {
        synchronized (lock) {
            if (opened != null && opened.factory().isOpen()) {
                opened.factory().close();
            }
            opened = null;
        }
    }

    private EntityManagerFactory factory() {
        return opened().factory();
    }

    private Opened opened() {
        Opened built = opened;
        if (built != null) {
            return built;
        }
        synchronized (lock) {
            if (opened == null) {
                opened = build(settings);
            }
            return opened;
        }
    }

    /** The factory, and the datasource it was built on. */
    private record Opened(EntityManagerFactory factory, DataSource dataSource) {
    }

    private static Opened build(StoreSettings settings) {
        DataSource dataSource = lookUp(settings.dataSource());
        PersistenceProvider provider = JpaProviderSetup.provider(settings.provider());
        String providerName = provider.getClass().getName();
        ServerTransactions server = ServerTransactions.detect();
        boolean createTables = settings.createTables() && !StoreTables.present(dataSource);
        upgradeTables(settings, dataSource);
        PasskeyPersistenceUnit unit = new PasskeyPersistenceUnit(providerName, dataSource,
                JpaProviderSetup.properties(providerName, server, createTables));
        EntityManagerFactory built;
        try {
            built = provider.createContainerEntityManagerFactory(unit, JpaProviderSetup.integration(provider));
        } catch (RuntimeException e) {
            throw new PasskeyStoreException("Could not start the passkey store on " + settings.dataSource(), e);
        }
        try {
            // EclipseLink connects (and creates the tables) only for the first entity manager.
            built.createEntityManager().close();
        } catch (RuntimeException e) {
            built.close();
            throw new PasskeyStoreException("Could not start the passkey store on " + settings.dataSource(), e);
        }
        LOG.info(() -> "Passkey store on " + settings.dataSource() + " with " + providerName
                + " (" + server.name().toLowerCase(java.util.Locale.ROOT) + " transactions"
                + (createTables ? ", missing tables created" : "") + ")");
        return new Opened(built, dataSource);
    }

    /**
     * Brings existing tables of an earlier schema version to the newest, when the store may
     * change tables; otherwise, or when it cannot, says at SEVERE which scripts the administrator
     * must run (the store's reads and sign-ins fail until then). Accounts stored before version 5
     * have no store scope: they become this application's, and a WARNING says how many, since
     * applications that shared the tables before shared those accounts too.
     */
    private static void upgradeTables(StoreSettings settings, DataSource dataSource) {
        List<StoreTables.Upgrade> missing = StoreTables.missingUpgrades(dataSource);
        if (missing.isEmpty()) {
            return;
        }
        String how = missing.stream().map(upgrade -> "passkey-persistence: META-INF/sql/" + upgrade.script())
                .collect(Collectors.joining(", then ", "run ", ""));
        String older = "The passkey tables on " + settings.dataSource() + " are of schema version " + (missing.get(0).version() - 1);
        if (!settings.createTables()) {
            LOG.severe(() -> older + " and passkey.create-tables=false: " + how);
            return;
        }
        try {
            List<StoreTables.Upgrade> done = StoreTables.upgrade(dataSource, settings.scope());
            LOG.info(() -> "Passkey tables on " + settings.dataSource() + " upgraded to schema version "
                    + StoreTables.SCHEMA_VERSION + " (added " + done.stream().map(StoreTables.Upgrade::column)
                    .collect(Collectors.joining(", ")) + ")");
            if (done.stream().anyMatch(upgrade -> upgrade.version() == StoreTables.SCOPE_VERSION)) {
                LOG.warning(() -> "Every passkey account stored on " + settings.dataSource() + " before schema version "
                        + StoreTables.SCOPE_VERSION + " now belongs to the store scope '" + settings.scope()
                        + "' of this application. If other applications used the same tables, their accounts are"
                        + " among them: see the admin guide, 'Several applications on one server'.");
            }
        } catch (SQLException e) {
            LOG.severe(() -> older + " and could not be upgraded (" + e.getMessage() + "): " + how);
        }
    }

    private static DataSource lookUp(String name) {
        try {
            InitialContext context = new InitialContext();
            try {
                Object found = context.lookup(name);
                if (found instanceof DataSource dataSource) {
                    return dataSource;
                }
                throw new IllegalStateException(StoreSettings.DATA_SOURCE + " names " + name + ", which is a "
                        + (found == null ? "null" : found.getClass().getName()) + ", not a DataSource");
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("The passkey store's datasource " + name + " (" + StoreSettings.DATA_SOURCE
                    + ") cannot be found: " + e, e);
        }
    }
}
