/**
 * A JPA {@link org.passkeyee.PasskeyCredentialStore}: passkey users and their passkeys in two
 * tables, portable across EclipseLink (Payara) and Hibernate (WildFly) and across H2, PostgreSQL
 * and MariaDB/MySQL.
 *
 * <h2>Using it</h2>
 * Put this JAR (and the core) into {@code WEB-INF/lib}. It brings
 * {@link org.passkeyee.persistence.JpaPasskeyCredentialStore}, the store (an
 * {@code @ApplicationScoped} bean, one JTA transaction per method), and DDL in
 * {@code META-INF/sql/passkey-h2.sql}, {@code passkey-postgresql.sql} and
 * {@code passkey-mariadb.sql}, for administrators who create the schema themselves. On
 * MariaDB/MySQL use the script: it declares binary collations, so that base64url keys and
 * usernames compare exactly, where generated tables inherit the server's usually
 * case-insensitive default.
 *
 * <h2>Where things are</h2>
 * <ul>
 * <li>{@code org.passkeyee.persistence} (this package): the entry points,
 *     {@link org.passkeyee.persistence.JpaPasskeyCredentialStore} and the listener
 *     {@link org.passkeyee.persistence.PasskeyStoreStartup}, and the store's operations behind
 *     them (package-private).</li>
 * <li>{@link org.passkeyee.persistence.schema}: the two tables, their entities, the
 *     conversion to the SPI's values, the sign-in's plain SQL, the upgrade of older tables.</li>
 * <li>{@link org.passkeyee.persistence.jpa}: opening the store, the persistence unit built in
 *     code and the JPA bootstrap described below.</li>
 * <li>{@link org.passkeyee.persistence.config}: the admin's settings for the store, read
 *     once.</li>
 * </ul>
 * Dependencies go one way: this package uses {@code jpa} and {@code schema}; {@code jpa} uses
 * {@code config} and {@code schema}; {@code config} and {@code schema} use only the core's
 * public API. Nothing of the store uses the core's {@code internal} packages. Members made
 * public for a sibling package say so, and are not API.
 *
 * <h2>Why there is no {@code persistence.xml}: living beside the application's own units</h2>
 * A persistence unit that a library JAR declares in {@code META-INF/persistence.xml} is a unit
 * of the whole WAR. With two units, every {@code @PersistenceContext EntityManager em;} without a
 * unit name (how most applications inject theirs) becomes ambiguous, and Payara refuses the
 * deployment ("Could not resolve a persistence unit corresponding to the
 * persistence-context-ref-name"). So the store's unit is invisible to the container:
 * <ul>
 * <li>{@code PasskeyPersistenceUnit} describes it in code (the SPI's {@code PersistenceUnitInfo}):
 *     JTA, the two entity classes only, shared cache off (passkeys and signature counts are
 *     always read fresh, also when several servers share the database), no bean validation, no
 *     weaving;</li>
 * <li>{@code StoreEntityManagers} hands it to the server's own JPA provider
 *     ({@code PersistenceProvider.createContainerEntityManagerFactory}: EclipseLink 4 on Payara 6,
 *     EclipseLink 5 on Payara 7, Hibernate 6 on WildFly, Hibernate 7 on WildFly Preview) with what
 *     a container would tell it: the JTA datasource, the server's transaction manager
 *     ({@code eclipselink.target-server} or {@code hibernate.transaction.jta.platform}, chosen by
 *     the transaction manager's JNDI name), and on EclipseLink no retry of a failed read
 *     ({@code EclipseLinkFailFast}: during a database outage requests answer
 *     {@code 503 store_unavailable} at once instead of after about 10 s; handed to EclipseLink as
 *     an object implementing whichever customizer interface the server's EclipseLink release has,
 *     since no single interface exists in EclipseLink 4.0.1, 4.0.7 and 5 alike);</li>
 * <li>{@code TransactionEntityManager} gives the store what a container-managed
 *     {@code @PersistenceContext} gives: one entity manager per JTA transaction, joined to it and
 *     closed when it ends.</li>
 * <li>The sign-in, the store's busiest path, does without the JPA provider:
 *     {@code SignInStatements} reads the passkey with its owner (one joined {@code SELECT} by
 *     primary key) and records the sign-in (one conditional {@code UPDATE}) in plain JDBC, on a
 *     connection of the same JTA datasource taken inside the same transaction, which the server
 *     enlists in it (the JPA provider, where the transaction also uses it, gets the same
 *     physical connection: connections are shareable unless the datasource is configured
 *     otherwise). With the shared cache off, nothing the provider keeps can go stale.</li>
 * </ul>
 * The factory is built when the application starts ({@code PasskeyStoreStartup}, only when
 * passkeys are switched on): a datasource name that does not resolve fails the deployment, a
 * database that does not answer yet is logged and tried again at the first use (which answers
 * {@code 503} until it works). On WildFly the JAR's manifest asks for the server's
 * {@code org.hibernate} module, which WildFly otherwise gives only to deployments with a
 * {@code persistence.xml}. Nothing about the application's own units changes, on any provider.
 *
 * <h2>Where passkeys live: settings an admin can change without rebuilding</h2>
 * Read once, through the core's {@link org.passkeyee.PasskeySettings}, from the sources of the
 * core's own settings (MicroProfile Config where the server has it: system properties,
 * environment variables, the WAR's {@code META-INF/microprofile-config.properties}; system
 * properties otherwise):
 * <ul>
 * <li>{@code passkey.datasource}: the JNDI name of a JTA datasource, such as the application's
 *     own {@code java:app/jdbc/AppDS}, a server resource {@code jdbc/AppDS} (Payara) or
 *     {@code java:jboss/datasources/AppDS} (WildFly). Default
 *     {@code java:comp/DefaultDataSource}.</li>
 * <li>{@code passkey.create-tables}: whether missing tables are created at start
 *     ({@code jakarta.persistence.schema-generation.database.action=create}, asked only when
 *     JDBC metadata shows a table missing, so that providers do not log the existing ones).
 *     Default {@code true}; set {@code false} where the database user may not create tables, and run the
 *     DDL script instead.</li>
 * <li>{@code passkey.jpa-provider}: the class name of the JPA provider to use, only needed when
 *     the application bundles a provider of its own beside the server's (the first one the
 *     platform knows is used otherwise).</li>
 * <li>{@code passkey.store-scope}: whose accounts these are, among the applications that share
 *     the tables. Default: the RP ID and the context path ({@code example.com/shop}), which tells
 *     two applications on one server apart and stays the same across redeployments, versions
 *     and cluster nodes; the same value for applications that share accounts on purpose.</li>
 * </ul>
 * The entity classes are internal mappings: do not program against them.
 *
 * <h2>Schema (version 5)</h2>
 * <ul>
 * <li>{@code PASSKEY_USER}: {@code USER_HANDLE} (primary key, base64url of the random 64-byte
 *     user handle), {@code USERNAME} (unique per store scope), {@code DISPLAY_NAME},
 *     {@code CREATED_AT}, {@code VOUCHED_BY} (version 3: the identity store that vouched for the
 *     account), and {@code STORE_SCOPE} (version 5: the application the account belongs to; the
 *     store reads, changes and deletes rows of its own scope only).</li>
 * <li>{@code PASSKEY_CREDENTIAL}: primary key {@code CREDENTIAL_KEY}, the base64url SHA-256 of
 *     the credential ID (credential IDs may be 1023 bytes, too long for a unique index on
 *     MariaDB/MySQL), {@code CREDENTIAL_ID}, {@code USER_HANDLE} (indexed), the COSE public key,
 *     signature count, transports, AAGUID, backup and user-verification flags, attestation
 *     format, label, {@code CREATED_AT}, {@code LAST_USED_AT}, and {@code LAST_CHALLENGE_HASH}
 *     (version 2: the SHA-256 of the challenge the last sign-in answered, so that servers
 *     sharing the database record each ceremony once), and {@code DISCOVERABLE} (version 4:
 *     whether the browser said the passkey is a discoverable credential; {@code NULL} when it
 *     did not).</li>
 * </ul>
 * Binary values are base64url text without padding, never LOBs; times are UTC
 * {@code TIMESTAMP}s with microseconds (see {@code Codec.toColumn} for why); no ID generators,
 * so no {@code SEQUENCE} table.
 *
 * <h2>What it does not do</h2>
 * <ul>
 * <li>No authorization: the core passes the signed-in caller's user handle.</li>
 * <li>No renaming of users, no foreign key between the tables (the store keeps them
 *     consistent: a user is created together with their first passkey, and deleted together
 *     with all of them).</li>
 * <li>No caching: every call reads the database.</li>
 * <li>No general schema migration: the upgrades there are (version 1 to 2, 2 to 3 and 3 to 4,
 *     one added column each; 4 to 5, a column, the older accounts given to the upgrading
 *     application, and the username constraint per scope) run at start unless
 *     {@code passkey.create-tables=false}, and ship as {@code passkey-upgrade-1-to-2.sql} to
 *     {@code passkey-upgrade-4-to-5.sql}.</li>
 * <li>No case folding or normalization of usernames: they are matched exactly.</li>
 * </ul>
 */
package org.passkeyee.persistence;
