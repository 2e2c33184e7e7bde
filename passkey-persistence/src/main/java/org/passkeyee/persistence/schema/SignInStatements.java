package org.passkeyee.persistence.schema;

import com.yubico.webauthn.data.ByteArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.passkeyee.PasskeyCredentialStore.OwnedPasskey;

/**
 * The two statements of a sign-in, in plain JDBC on a connection of the store's datasource: the
 * passkey read together with its owner, and the conditional update that records the sign-in.
 * They run once per sign-in, the store's busiest path, where the JPA providers cost as much CPU
 * as the database itself (an entity manager per transaction, two finds, a native query);
 * everything else in the store stays JPA. The SQL is the same on H2, PostgreSQL and MariaDB, on
 * the tables of {@link PasskeyCredentialEntity} and {@link PasskeyUserEntity}. Public for the
 * store's top package; not API.
 */
public final class SignInStatements {

    /**
     * The passkey and its owner. Every column has a label of its own (both tables have
     * {@code USER_HANDLE} and {@code CREATED_AT}), and is read by that label. The labels are
     * unquoted: H2 reports them in upper case, PostgreSQL in lower case, MariaDB as written;
     * JDBC's getters by label ignore case.
     */
    static final String FIND_OWNED_PASSKEY = "SELECT c.CREDENTIAL_ID AS CREDENTIAL_ID,"
            + " c.USER_HANDLE AS PASSKEY_USER_HANDLE, c.PUBLIC_KEY_COSE AS PUBLIC_KEY_COSE,"
            + " c.SIGNATURE_COUNT AS SIGNATURE_COUNT, c.TRANSPORTS AS TRANSPORTS, c.AAGUID AS AAGUID,"
            + " c.BACKUP_ELIGIBLE AS BACKUP_ELIGIBLE, c.BACKED_UP AS BACKED_UP, c.UV_INITIALIZED AS UV_INITIALIZED,"
            + " c.ATTESTATION_FORMAT AS ATTESTATION_FORMAT, c.LABEL AS LABEL, c.CREATED_AT AS PASSKEY_CREATED_AT,"
            + " c.LAST_USED_AT AS LAST_USED_AT, c.DISCOVERABLE AS DISCOVERABLE, u.USER_HANDLE AS OWNER_USER_HANDLE, u.USERNAME AS USERNAME,"
            + " u.DISPLAY_NAME AS DISPLAY_NAME, u.CREATED_AT AS OWNER_CREATED_AT, u.VOUCHED_BY AS VOUCHED_BY,"
            + " u.STORE_SCOPE AS STORE_SCOPE"
            + " FROM PASSKEY_CREDENTIAL c JOIN PASSKEY_USER u ON u.USER_HANDLE = c.USER_HANDLE"
            + " WHERE c.CREDENTIAL_KEY = ? AND u.STORE_SCOPE = ?";

    // Parameters of the two updates, in order: [count,] backed up, used at, challenge hash, key,
    // credential ID, [count again,] challenge hash again. Two statements instead of
    // "... OR (SIGNATURE_COUNT = 0 AND ? = 0)": a bare parameter comparison is rejected by some
    // databases, so Java picks the condition.

    /**
     * Sign-in with a count above 0: only a strictly greater count may be written, and not if the
     * last sign-in answered the same challenge.
     */
    static final String RECORD_SIGN_IN_INCREASING = "UPDATE PASSKEY_CREDENTIAL"
            + " SET SIGNATURE_COUNT = ?, BACKED_UP = ?, LAST_USED_AT = ?, LAST_CHALLENGE_HASH = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT < ?"
            + " AND (LAST_CHALLENGE_HASH IS NULL OR LAST_CHALLENGE_HASH <> ?)";
    /** Sign-in with count 0 (synced passkeys): allowed only while the stored count is 0 too, once per ceremony. */
    static final String RECORD_SIGN_IN_ZERO = "UPDATE PASSKEY_CREDENTIAL"
            + " SET BACKED_UP = ?, LAST_USED_AT = ?, LAST_CHALLENGE_HASH = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT = 0"
            + " AND (LAST_CHALLENGE_HASH IS NULL OR LAST_CHALLENGE_HASH <> ?)";

    private SignInStatements() {
    }

    /**
     * The passkey with this credential ID and its owner, if both exist and the owner belongs to
     * the store scope {@code scope}. The key is the ID's hash; the full ID, the user handle and
     * the scope are compared here too, exactly, also where the database's collation ignores case
     * (generated tables on MariaDB).
     */
    public static Optional<OwnedPasskey> findOwnedPasskey(Connection connection, String scope, ByteArray credentialId)
            throws SQLException {
        String id = Codec.base64Url(credentialId);
        try (PreparedStatement find = connection.prepareStatement(FIND_OWNED_PASSKEY)) {
            find.setString(1, Codec.credentialKey(credentialId));
            find.setString(2, scope);
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    if (id.equals(row.getString("CREDENTIAL_ID")) && scope.equals(row.getString("STORE_SCOPE"))
                            && row.getString("PASSKEY_USER_HANDLE").equals(row.getString("OWNER_USER_HANDLE"))) {
                        return Optional.of(new OwnedPasskey(Codec.toPasskey(passkey(row)), Codec.toUser(owner(row))));
                    }
                }
                return Optional.empty();
            }
        }
    }

    /**
     * Records a sign-in with one conditional {@code UPDATE}, see
     * {@link org.passkeyee.PasskeyCredentialStore#recordSignIn}.
     *
     * @return whether the row was updated
     */
    public static boolean recordSignIn(Connection connection, ByteArray credentialId, long signatureCount,
                                       boolean backedUp, Instant usedAt, ByteArray challenge) throws SQLException {
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        // As the JPA providers bind a LocalDateTime: through Timestamp.valueOf.
        Timestamp used = Timestamp.valueOf(Codec.toColumn(usedAt));
        String hash = Codec.challengeHash(challenge);
        boolean zero = signatureCount == 0;
        String sql = zero ? RECORD_SIGN_IN_ZERO : RECORD_SIGN_IN_INCREASING;
        List<Object> values = zero ? List.of(backedUp, used, hash, key, id, hash)
                : List.of(signatureCount, backedUp, used, hash, key, id, signatureCount, hash);
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                update.setObject(i + 1, values.get(i));
            }
            return update.executeUpdate() == 1;
        }
    }

    private static PasskeyCredentialEntity passkey(ResultSet row) throws SQLException {
        return new PasskeyCredentialEntity(null, row.getString("CREDENTIAL_ID"), row.getString("PASSKEY_USER_HANDLE"),
                row.getString("PUBLIC_KEY_COSE"), row.getLong("SIGNATURE_COUNT"), row.getString("TRANSPORTS"),
                row.getString("AAGUID"), row.getBoolean("BACKUP_ELIGIBLE"), row.getBoolean("BACKED_UP"),
                row.getBoolean("UV_INITIALIZED"), row.getString("ATTESTATION_FORMAT"), row.getString("LABEL"),
                dateTime(row, "PASSKEY_CREATED_AT"), dateTime(row, "LAST_USED_AT"), nullableBoolean(row, "DISCOVERABLE"));
    }

    /** A nullable boolean column; MariaDB's TINYINT(1) included. */
    private static Boolean nullableBoolean(ResultSet row, String label) throws SQLException {
        boolean value = row.getBoolean(label);
        return row.wasNull() ? null : value;
    }

    private static PasskeyUserEntity owner(ResultSet row) throws SQLException {
        return new PasskeyUserEntity(row.getString("STORE_SCOPE"), row.getString("OWNER_USER_HANDLE"), row.getString("USERNAME"),
                row.getString("DISPLAY_NAME"), dateTime(row, "OWNER_CREATED_AT"), row.getString("VOUCHED_BY"));
    }

    /** As both JPA providers read a {@code LocalDateTime} column: through {@link Timestamp}. */
    private static LocalDateTime dateTime(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
