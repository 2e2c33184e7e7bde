package org.passkeyee.persistence.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Internal JPA mapping of table {@code PASSKEY_CREDENTIAL}; not an API.
 *
 * <p>Public because JPA providers require it, and its keys, named queries and key accessors
 * for the store's top package (see the {@linkplain org.passkeyee.persistence package
 * documentation}). Use {@code JpaPasskeyCredentialStore} through
 * {@link org.passkeyee.PasskeyCredentialStore} instead; the mapping may change with the schema
 * version.
 *
 * <p>The primary key is {@code CREDENTIAL_KEY}, the base64url SHA-256 of the raw credential ID,
 * not the credential ID itself: credential IDs may be up to 1023 bytes (1364 base64url
 * characters), and MariaDB/MySQL cannot put a unique index on a column that long (InnoDB keys are
 * limited to 3072 bytes, i.e. 768 utf8mb4 characters). The hash is a fixed 43 characters and
 * unique for all practical purposes; the store still compares the full {@code CREDENTIAL_ID}.
 */
@Entity
@Table(name = "PASSKEY_CREDENTIAL",
        indexes = @Index(name = "PASSKEY_CREDENTIAL_USER_IDX", columnList = "USER_HANDLE"))
@NamedQuery(name = PasskeyCredentialEntity.BY_USER,
        query = "SELECT c FROM PasskeyCredentialEntity c WHERE c.userHandle = :userHandle"
                + " ORDER BY c.createdAt, c.credentialKey")
@NamedQuery(name = PasskeyCredentialEntity.COUNT_KEY,
        query = "SELECT COUNT(c) FROM PasskeyCredentialEntity c WHERE c.credentialKey = :key")
@NamedQuery(name = PasskeyCredentialEntity.DELETE_KEY,
        query = "DELETE FROM PasskeyCredentialEntity c WHERE c.credentialKey = :key")
@NamedQuery(name = PasskeyCredentialEntity.DELETE_USERS,
        query = "DELETE FROM PasskeyCredentialEntity c WHERE c.userHandle = :userHandle")
@NamedQuery(name = PasskeyCredentialEntity.RENAME,
        query = "UPDATE PasskeyCredentialEntity c SET c.label = :label"
                + " WHERE c.credentialKey = :key AND c.credentialId = :credentialId"
                + " AND c.userHandle = :userHandle")
public class PasskeyCredentialEntity {

    /** A user's passkeys, oldest first (parameter {@code userHandle}). */
    public static final String BY_USER = "PasskeyCredentialEntity.byUser";
    /** How many passkeys have this credential key (parameter {@code key}). */
    public static final String COUNT_KEY = "PasskeyCredentialEntity.countKey";
    /** Sets a passkey's label (parameters {@code label}, {@code key}, {@code credentialId}, {@code userHandle}). */
    public static final String RENAME = "PasskeyCredentialEntity.rename";
    /** Deletes the passkey of this credential key (parameter {@code key}). */
    public static final String DELETE_KEY = "PasskeyCredentialEntity.deleteKey";
    /** Deletes all passkeys of a user (parameter {@code userHandle}). */
    public static final String DELETE_USERS = "PasskeyCredentialEntity.deleteUsers";

    /** Base64url (no padding) of a SHA-256 hash. */
    static final int CREDENTIAL_KEY_LENGTH = 43;
    /** Base64url (no padding) of a SHA-256 hash. */
    static final int CHALLENGE_HASH_LENGTH = 43;
    /** WebAuthn Level 3 caps credential IDs at 1023 bytes: 1364 base64url characters. */
    static final int MAX_CREDENTIAL_ID_BYTES = 1023;
    static final int CREDENTIAL_ID_LENGTH = 1400;
    /** 4000 base64url characters hold 3000 bytes; COSE keys are far smaller (RSA-4096: ~550). */
    static final int PUBLIC_KEY_LENGTH = 4000;
    static final int MAX_PUBLIC_KEY_BYTES = 3000;
    static final int TRANSPORTS_LENGTH = 255;
    static final int AAGUID_LENGTH = 36;
    static final int ATTESTATION_FORMAT_LENGTH = 32;
    static final int LABEL_LENGTH = 128;

    @Id
    @Column(name = "CREDENTIAL_KEY", length = CREDENTIAL_KEY_LENGTH, nullable = false)
    private String credentialKey;

    @Column(name = "CREDENTIAL_ID", length = CREDENTIAL_ID_LENGTH, nullable = false)
    private String credentialId;

    @Column(name = "USER_HANDLE", length = PasskeyUserEntity.USER_HANDLE_LENGTH, nullable = false)
    private String userHandle;

    @Column(name = "PUBLIC_KEY_COSE", length = PUBLIC_KEY_LENGTH, nullable = false)
    private String publicKeyCose;

    @Column(name = "SIGNATURE_COUNT", nullable = false)
    private long signatureCount;

    /** Sorted, comma-separated; {@code NULL} when none. */
    @Column(name = "TRANSPORTS", length = TRANSPORTS_LENGTH)
    private String transports;

    @Column(name = "AAGUID", length = AAGUID_LENGTH)
    private String aaguid;

    @Column(name = "BACKUP_ELIGIBLE", nullable = false)
    private boolean backupEligible;

    @Column(name = "BACKED_UP", nullable = false)
    private boolean backedUp;

    @Column(name = "UV_INITIALIZED", nullable = false)
    private boolean uvInitialized;

    @Column(name = "ATTESTATION_FORMAT", length = ATTESTATION_FORMAT_LENGTH)
    private String attestationFormat;

    @Column(name = "LABEL", length = LABEL_LENGTH, nullable = false)
    private String label;

    /** UTC; see {@code Codec.toColumn(Instant)} for why not {@code Instant}. */
    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    /** UTC, {@code NULL} until the first sign-in. */
    @Column(name = "LAST_USED_AT")
    private LocalDateTime lastUsedAt;

    /** Hash of the challenge the last sign-in answered: the same answer on another server is refused. */
    @Column(name = "LAST_CHALLENGE_HASH", length = CHALLENGE_HASH_LENGTH)
    private String lastChallengeHash;

    /** Whether it is a discoverable credential, as the browser said (credProps); {@code NULL}: not said. Version 4. */
    @Column(name = "DISCOVERABLE")
    private Boolean discoverable;

    /** For JPA only. */
    protected PasskeyCredentialEntity() {
    }

    PasskeyCredentialEntity(String credentialKey, String credentialId, String userHandle, String publicKeyCose,
            long signatureCount, String transports, String aaguid, boolean backupEligible, boolean backedUp,
            boolean uvInitialized, String attestationFormat, String label, LocalDateTime createdAt,
            LocalDateTime lastUsedAt, Boolean discoverable) {
        this.discoverable = discoverable;
        this.credentialKey = credentialKey;
        this.credentialId = credentialId;
        this.userHandle = userHandle;
        this.publicKeyCose = publicKeyCose;
        this.signatureCount = signatureCount;
        this.transports = transports;
        this.aaguid = aaguid;
        this.backupEligible = backupEligible;
        this.backedUp = backedUp;
        this.uvInitialized = uvInitialized;
        this.attestationFormat = attestationFormat;
        this.label = label;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
    }

    /** The primary key: base64url SHA-256 of the credential ID. */
    public String credentialKey() {
        return credentialKey;
    }

    /** The credential ID, base64url. */
    public String credentialId() {
        return credentialId;
    }

    /** The user handle, base64url. */
    public String userHandle() {
        return userHandle;
    }

    String publicKeyCose() {
        return publicKeyCose;
    }

    long signatureCount() {
        return signatureCount;
    }

    String transports() {
        return transports;
    }

    String aaguid() {
        return aaguid;
    }

    boolean backupEligible() {
        return backupEligible;
    }

    Boolean discoverable() {
        return discoverable;
    }

    boolean backedUp() {
        return backedUp;
    }

    boolean uvInitialized() {
        return uvInitialized;
    }

    String attestationFormat() {
        return attestationFormat;
    }

    String label() {
        return label;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime lastUsedAt() {
        return lastUsedAt;
    }
}
