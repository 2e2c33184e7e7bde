package org.passkeyee.persistence.schema;

import com.yubico.webauthn.data.ByteArray;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.StoredPasskey;

/**
 * Converts between the SPI's values and the two entities, and checks column limits. Public for
 * the store's top package; not API.
 */
public final class Codec {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private Codec() {
    }

    // ---- binary values ----------------------------------------------------------------------

    /** Base64url without padding, as WebAuthn Level 3 JSON writes it. */
    public static String base64Url(ByteArray value) {
        return BASE64URL.encodeToString(value.getBytes());
    }

    static ByteArray fromBase64Url(String column, String value) {
        try {
            return new ByteArray(BASE64URL_DECODER.decode(value));
        } catch (IllegalArgumentException e) {
            throw new PasskeyStoreException("Column " + column + " holds no valid base64url value", e);
        }
    }

    /**
     * The primary key of a passkey: base64url (no padding, 43 characters) of the SHA-256 of the
     * raw credential ID bytes. See {@link PasskeyCredentialEntity} for why not the ID itself.
     */
    public static String credentialKey(ByteArray credentialId) {
        return sha256(credentialId);
    }

    /** How a ceremony's challenge is kept: base64url (no padding, 43 characters) of its SHA-256. */
    static String challengeHash(ByteArray challenge) {
        return sha256(challenge);
    }

    private static String sha256(ByteArray bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes.getBytes());
            return BASE64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    // ---- instants -----------------------------------------------------------------------------

    /**
     * An instant as stored: {@link LocalDateTime} in UTC, truncated to microseconds.
     *
     * <p>Why not {@link Instant}: JPA 3.1 (Jakarta EE 10) does not list {@code Instant} among the
     * basic types (JPA 3.2 adds it), EclipseLink 4 has no DDL type for it, and Hibernate 6 maps it
     * to {@code TIMESTAMP WITH TIME ZONE} on H2 and PostgreSQL, so the schema would differ by
     * provider. Why not {@code java.util.Date}/{@code @Temporal(TIMESTAMP)}: the column would then
     * hold the JVM's local wall time, which differs between cluster members in different time
     * zones and is ambiguous in the hour a daylight-saving change repeats. {@code LocalDateTime} is
     * a JPA 3.1 basic type that both providers map to a plain {@code TIMESTAMP}
     * ({@code DATETIME(6)} on MariaDB); written in UTC, the column means the same on every server
     * and reads naturally in SQL.
     *
     * <p>One edge remains: both providers bind it through {@code java.sql.Timestamp.valueOf}, so
     * in a JVM whose default zone observes daylight saving, a UTC wall time that falls into that
     * zone's spring-forward gap is stored one hour late (at most one hour a year). Servers that
     * run in UTC are not affected. All three databases keep microseconds, hence the truncation:
     * what is read back equals what was written.
     */
    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    // ---- transports ---------------------------------------------------------------------------

    /**
     * Transports as stored: sorted and comma-separated, {@code null} when there are none. They
     * come from the browser and are only hints, so instead of failing the registration, values
     * that are blank or contain a comma are dropped, and so are the last ones (in sorted order)
     * that would not fit into the column.
     */
    static String transportsToColumn(Set<String> transports) {
        StringBuilder column = new StringBuilder();
        for (String transport : new TreeSet<>(transports)) {
            if (transport == null || transport.isBlank() || transport.indexOf(',') >= 0) {
                continue;
            }
            int length = column.length() + (column.length() == 0 ? 0 : 1) + transport.length();
            if (length > PasskeyCredentialEntity.TRANSPORTS_LENGTH) {
                break;
            }
            if (column.length() > 0) {
                column.append(',');
            }
            column.append(transport);
        }
        return column.length() == 0 ? null : column.toString();
    }

    static Set<String> transportsFromColumn(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    // ---- users --------------------------------------------------------------------------------

    /**
     * The row of {@code user}, in the store scope {@code scope}.
     *
     * @throws IllegalArgumentException if a value does not fit its column
     */
    public static PasskeyUserEntity toEntity(String scope, PasskeyUser user) {
        checkBytes("user handle", user.userHandle(), PasskeyUserEntity.MAX_USER_HANDLE_BYTES);
        checkLength("username", user.username(), PasskeyUserEntity.USERNAME_LENGTH);
        checkLength("display name", user.displayName(), PasskeyUserEntity.DISPLAY_NAME_LENGTH);
        if (user.vouchedBy() != null) {
            checkLength("vouching store", user.vouchedBy(), PasskeyUserEntity.VOUCHED_BY_LENGTH);
        }
        return new PasskeyUserEntity(scope, base64Url(user.userHandle()), user.username(), user.displayName(),
                toColumn(user.createdAt()), user.vouchedBy());
    }

    /** The user this row holds. */
    public static PasskeyUser toUser(PasskeyUserEntity entity) {
        return new PasskeyUser(entity.username(), entity.displayName(),
                fromBase64Url("USER_HANDLE", entity.userHandle()), fromColumn(entity.createdAt()), entity.vouchedBy());
    }

    // ---- passkeys -----------------------------------------------------------------------------

    /**
     * The row of {@code passkey}.
     *
     * @throws IllegalArgumentException if a value does not fit its column
     */
    public static PasskeyCredentialEntity toEntity(StoredPasskey passkey) {
        checkBytes("credential ID", passkey.credentialId(), PasskeyCredentialEntity.MAX_CREDENTIAL_ID_BYTES);
        checkBytes("user handle", passkey.userHandle(), PasskeyUserEntity.MAX_USER_HANDLE_BYTES);
        checkBytes("public key", passkey.publicKeyCose(), PasskeyCredentialEntity.MAX_PUBLIC_KEY_BYTES);
        checkLength("AAGUID", passkey.aaguid(), PasskeyCredentialEntity.AAGUID_LENGTH);
        checkLength("attestation format", passkey.attestationFormat(),
                PasskeyCredentialEntity.ATTESTATION_FORMAT_LENGTH);
        checkLabel(passkey.label());
        checkSignatureCount(passkey.signatureCount());
        return new PasskeyCredentialEntity(
                credentialKey(passkey.credentialId()),
                base64Url(passkey.credentialId()),
                base64Url(passkey.userHandle()),
                base64Url(passkey.publicKeyCose()),
                passkey.signatureCount(),
                transportsToColumn(passkey.transports()),
                passkey.aaguid(),
                passkey.backupEligible(),
                passkey.backedUp(),
                passkey.uvInitialized(),
                passkey.attestationFormat(),
                passkey.label(),
                toColumn(passkey.createdAt()),
                toColumn(passkey.lastUsedAt()),
                passkey.discoverable());
    }

    /** The passkey this row holds. */
    public static StoredPasskey toPasskey(PasskeyCredentialEntity entity) {
        return new StoredPasskey(
                fromBase64Url("CREDENTIAL_ID", entity.credentialId()),
                fromBase64Url("USER_HANDLE", entity.userHandle()),
                fromBase64Url("PUBLIC_KEY_COSE", entity.publicKeyCose()),
                entity.signatureCount(),
                transportsFromColumn(entity.transports()),
                entity.aaguid(),
                entity.backupEligible(),
                entity.backedUp(),
                entity.uvInitialized(),
                entity.attestationFormat(),
                entity.label(),
                fromColumn(entity.createdAt()),
                fromColumn(entity.lastUsedAt()),
                entity.discoverable());
    }

    // ---- limits -------------------------------------------------------------------------------

    /**
     * Checks a value before it is written.
     *
     * @throws IllegalArgumentException if the label is missing or over its column's 128 characters
     */
    public static void checkLabel(String label) {
        if (label == null) {
            throw new IllegalArgumentException("label is required");
        }
        checkLength("label", label, PasskeyCredentialEntity.LABEL_LENGTH);
    }

    /**
     * Checks a value before it is written.
     *
     * @throws IllegalArgumentException if the count is negative
     */
    public static void checkSignatureCount(long signatureCount) {
        if (signatureCount < 0) {
            throw new IllegalArgumentException("signature count must not be negative: " + signatureCount);
        }
    }

    private static void checkLength(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }

    private static void checkBytes(String what, ByteArray value, int max) {
        if (value.isEmpty() || value.size() > max) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " bytes, not " + value.size());
        }
    }
}
