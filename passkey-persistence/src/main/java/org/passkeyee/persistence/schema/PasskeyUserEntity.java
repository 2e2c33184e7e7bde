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
        uniqueConstraints = @UniqueConstraint(name = "PASSKEY_USER_USERNAME_UQ", columnNames = "USERNAME"))
@NamedQuery(name = PasskeyUserEntity.BY_USERNAME,
        query = "SELECT u FROM PasskeyUserEntity u WHERE u.username = :username")
@NamedQuery(name = PasskeyUserEntity.COUNT_TAKEN,
        query = "SELECT COUNT(u) FROM PasskeyUserEntity u"
                + " WHERE u.userHandle = :userHandle OR u.username = :username")
@NamedQuery(name = PasskeyUserEntity.DELETE_HANDLE,
        query = "DELETE FROM PasskeyUserEntity u WHERE u.userHandle = :userHandle")
@NamedQuery(name = PasskeyUserEntity.COUNT_HANDLE,
        query = "SELECT COUNT(u) FROM PasskeyUserEntity u WHERE u.userHandle = :userHandle")
public class PasskeyUserEntity {

    /** Users with this username, as the column's collation compares (parameter {@code username}). */
    public static final String BY_USERNAME = "PasskeyUserEntity.byUsername";
    /** How many users have this user handle or username (parameters {@code userHandle}, {@code username}). */
    public static final String COUNT_TAKEN = "PasskeyUserEntity.countTaken";
    /** How many users have this user handle (parameter {@code userHandle}). */
    public static final String COUNT_HANDLE = "PasskeyUserEntity.countHandle";
    /** Deletes the user of this user handle (parameter {@code userHandle}). */
    public static final String DELETE_HANDLE = "PasskeyUserEntity.deleteHandle";

    /** Base64url (no padding) of a user handle of at most 64 bytes. */
    static final int USER_HANDLE_LENGTH = 86;
    static final int MAX_USER_HANDLE_BYTES = 64;
    static final int USERNAME_LENGTH = 255;
    static final int DISPLAY_NAME_LENGTH = 255;
    static final int VOUCHED_BY_LENGTH = 255;

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

    /** For JPA only. */
    protected PasskeyUserEntity() {
    }

    PasskeyUserEntity(String userHandle, String username, String displayName, LocalDateTime createdAt, String vouchedBy) {
        this.userHandle = userHandle;
        this.username = username;
        this.displayName = displayName;
        this.createdAt = createdAt;
        this.vouchedBy = vouchedBy;
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
