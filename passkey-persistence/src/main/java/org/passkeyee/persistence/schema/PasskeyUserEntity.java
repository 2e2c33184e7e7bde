package org.passkeyee.persistence.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;

/**
 * Internal JPA mapping of table {@code PASSKEY_USER}; not an API.
 *
 * <p>Public because JPA providers require it, and its keys, named queries and key accessors
 * for the store's top package (see the {@linkplain org.passkeyee.persistence package
 * documentation}). Use {@code JpaPasskeyCredentialStore} through
 * {@link org.passkeyee.PasskeyCredentialStore} instead; the mapping may change with the schema
 * version.
 */
@Entity
@Table(name = "PASSKEY_USER",
        uniqueConstraints = @UniqueConstraint(name = "PASSKEY_USER_SCOPE_USERNAME_UQ", columnNames = {"STORE_SCOPE", "USERNAME"}))
@NamedQuery(name = PasskeyUserEntity.BY_USERNAME,
        query = "SELECT u FROM PasskeyUserEntity u WHERE u.storeScope = :scope AND u.username = :username")
@NamedQuery(name = PasskeyUserEntity.WITHOUT_VOUCHING_STORE,
        query = "SELECT u FROM PasskeyUserEntity u WHERE u.storeScope = :scope AND u.vouchedBy IS NULL ORDER BY u.username")
@NamedQuery(name = PasskeyUserEntity.COUNT_TAKEN,
        query = "SELECT COUNT(u) FROM PasskeyUserEntity u"
                + " WHERE u.userHandle = :userHandle OR (u.storeScope = :scope AND u.username = :username)")
@NamedQuery(name = PasskeyUserEntity.DELETE_HANDLE,
        query = "DELETE FROM PasskeyUserEntity u WHERE u.userHandle = :userHandle")
@NamedQuery(name = PasskeyUserEntity.COUNT_HANDLE,
        query = "SELECT COUNT(u) FROM PasskeyUserEntity u WHERE u.userHandle = :userHandle AND u.storeScope = :scope")
public class PasskeyUserEntity {

    /**
     * Users of this scope with this username, as the columns' collation compares (parameters
     * {@code scope}, {@code username}).
     */
    public static final String BY_USERNAME = "PasskeyUserEntity.byUsername";
    /** Users of this scope that recorded no vouching store, by name (parameter {@code scope}). */
    public static final String WITHOUT_VOUCHING_STORE = "PasskeyUserEntity.withoutVouchingStore";
    /**
     * How many users have this user handle (in any scope: handles are unique in the table), or
     * this username in this scope (parameters {@code userHandle}, {@code scope}, {@code username}).
     */
    public static final String COUNT_TAKEN = "PasskeyUserEntity.countTaken";
    /** How many users of this scope have this user handle (parameters {@code userHandle}, {@code scope}). */
    public static final String COUNT_HANDLE = "PasskeyUserEntity.countHandle";
    /** Deletes the user of this user handle (parameter {@code userHandle}). */
    public static final String DELETE_HANDLE = "PasskeyUserEntity.deleteHandle";

    /** Base64url (no padding) of a user handle of at most 64 bytes. */
    static final int USER_HANDLE_LENGTH = 86;
    static final int MAX_USER_HANDLE_BYTES = 64;
    static final int USERNAME_LENGTH = 255;
    static final int DISPLAY_NAME_LENGTH = 255;
    static final int VOUCHED_BY_LENGTH = 255;
    /** The longest store scope. */
    public static final int STORE_SCOPE_LENGTH = 255;

    @Id
    @Column(name = "USER_HANDLE", length = USER_HANDLE_LENGTH, nullable = false)
    private String userHandle;

    @Column(name = "USERNAME", length = USERNAME_LENGTH, nullable = false)
    private String username;

    @Column(name = "DISPLAY_NAME", length = DISPLAY_NAME_LENGTH, nullable = false)
    private String displayName;

    /** UTC; see {@code Codec.toColumn(Instant)} for why not {@code Instant}. */
    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    /** The identity store that vouched for the name; {@code null} for accounts of schema version 2. */
    @Column(name = "VOUCHED_BY", length = VOUCHED_BY_LENGTH)
    private String vouchedBy;

    /**
     * The application (or group of applications) the account belongs to (schema version 5); rows
     * of other scopes are never read, changed or deleted. {@code null} only for a row that an
     * application of schema version 4 stored after the upgrade: no application sees it.
     */
    @Column(name = "STORE_SCOPE", length = STORE_SCOPE_LENGTH)
    private String storeScope;

    /** For JPA only. */
    protected PasskeyUserEntity() {
    }

    PasskeyUserEntity(String storeScope, String userHandle, String username, String displayName, LocalDateTime createdAt,
                      String vouchedBy) {
        this.storeScope = storeScope;
        this.userHandle = userHandle;
        this.username = username;
        this.displayName = displayName;
        this.createdAt = createdAt;
        this.vouchedBy = vouchedBy;
    }

    /** The scope the account belongs to. */
    public String storeScope() {
        return storeScope;
    }

    /** The user handle, base64url. */
    public String userHandle() {
        return userHandle;
    }

    /** The username, as stored. */
    public String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    String vouchedBy() {
        return vouchedBy;
    }
}
