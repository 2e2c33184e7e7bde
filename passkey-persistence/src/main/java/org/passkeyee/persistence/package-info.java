/**
 * A JPA {@link org.passkeyee.PasskeyCredentialStore}: passkey users and their passkeys in two
 * tables, portable across EclipseLink (Payara) and Hibernate (WildFly) and across H2, PostgreSQL
 * and MariaDB/MySQL.
 *
 * <h2>Using it</h2>
 * Put this JAR (and the core) into {@code WEB-INF/lib}. It brings
 * <ul>
 * <li>{@link org.passkeyee.persistence.JpaPasskeyCredentialStore}, the store: an
 *     {@code @ApplicationScoped} bean, one JTA transaction per method;</li>
 * <li>its own persistence unit {@code passkey} ({@code META-INF/persistence.xml}): JTA on
 *     {@code java:comp/DefaultDataSource}, shared cache off (passkeys are always read fresh, also
 *     in a cluster), tables created at deployment if missing
 *     ({@code jakarta.persistence.schema-generation.database.action=create});</li>
 * <li>DDL in {@code META-INF/sql/passkey-h2.sql}, {@code passkey-postgresql.sql} and
 *     {@code passkey-mariadb.sql}, for administrators who create the schema themselves. On
 *     MariaDB/MySQL use the script: it declares binary collations, so that base64url keys and
 *     usernames compare exactly, where generated tables inherit the server's usually
 *     case-insensitive default.</li>
 * </ul>
 *
 * <p><strong>Applications with a persistence unit of their own</strong>: with this JAR, the WAR has
 * two units, so an injection that names none ({@code @PersistenceContext EntityManager em;})
 * no longer resolves and the deployment fails (seen on Payara 6: "Could not resolve a persistence
 * unit corresponding to the persistence-context-ref-name"). Name the unit there:
 * {@code @PersistenceContext(unitName = "app")}.
 *
 * <h2>Another datasource</h2>
 * A WAR cannot override a persistence unit that a library JAR ships, so the store does not name
 * its unit: it injects an {@code @}{@link org.passkeyee.persistence.PasskeyPersistenceContext}
 * {@code EntityManager}, which this module produces from the unit {@code passkey}. To keep passkeys
 * in the application's own database, define a JTA persistence unit that lists both entity classes
 * <pre>{@code
 * <persistence-unit name="app">
 *     <jta-data-source>java:app/jdbc/AppDS</jta-data-source>
 *     <class>org.passkeyee.persistence.PasskeyUserEntity</class>
 *     <class>org.passkeyee.persistence.PasskeyCredentialEntity</class>
 *     <shared-cache-mode>NONE</shared-cache-mode>
 *     <properties>
 *         <!-- EclipseLink: no retry of a failed read, see EclipseLinkFailFast -->
 *         <property name="eclipselink.session.customizer" value="org.passkeyee.persistence.EclipseLinkFailFast"/>
 *     </properties>
 * </persistence-unit>
 * }</pre>
 * and produce its persistence context as a selected alternative, which wins over the default:
 * <pre>{@code
 * @Alternative
 * @Priority(Interceptor.Priority.APPLICATION)
 * @Dependent
 * public class PasskeyEntityManager {
 *     @Produces
 *     @PasskeyPersistenceContext
 *     @PersistenceContext(unitName = "app")
 *     EntityManager entityManager;
 * }
 * }</pre>
 * The unit {@code passkey} is still deployed (the container processes every unit it finds) and
 * creates its empty tables in the default datasource; that is harmless. The entity classes are
 * internal mappings: list them, do not program against them.
 *
 * <h2>Schema (version 1)</h2>
 * <ul>
 * <li>{@code PASSKEY_USER}: {@code USER_HANDLE} (primary key, base64url of the random 64-byte
 *     user handle), {@code USERNAME} (unique), {@code DISPLAY_NAME}, {@code CREATED_AT}.</li>
 * <li>{@code PASSKEY_CREDENTIAL}: primary key {@code CREDENTIAL_KEY}, the base64url SHA-256 of
 *     the credential ID (credential IDs may be 1023 bytes, too long for a unique index on
 *     MariaDB/MySQL), {@code CREDENTIAL_ID}, {@code USER_HANDLE} (indexed), the COSE public key,
 *     signature count, transports, AAGUID, backup and user-verification flags, attestation
 *     format, label, {@code CREATED_AT}, {@code LAST_USED_AT}.</li>
 * </ul>
 * Binary values are base64url text without padding, never LOBs; times are UTC
 * {@code TIMESTAMP}s with microseconds (see {@code Codec.toColumn} for why); no ID generators,
 * so no {@code SEQUENCE} table.
 *
 * <h2>What it does not do</h2>
 * <ul>
 * <li>No authorization: the core passes the signed-in caller's user handle.</li>
 * <li>No deleting or renaming of users, no foreign key between the tables (the store keeps
 *     them consistent: a user is created together with their first passkey).</li>
 * <li>No caching: every call reads the database.</li>
 * <li>No schema migration; the DDL scripts carry a {@code schema version} header for the day
 *     one is needed.</li>
 * <li>No case folding or normalization of usernames: they are matched exactly.</li>
 * </ul>
 */
package org.passkeyee.persistence;
