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

    static final String FIND_OWNED_PASSKEY = "SELECT c.CREDENTIAL_ID, c.USER_HANDLE, c.PUBLIC_KEY_COSE,"
            + " c.SIGNATURE_COUNT, c.TRANSPORTS, c.AAGUID, c.BACKUP_ELIGIBLE, c.BACKED_UP, c.UV_INITIALIZED,"
            + " c.ATTESTATION_FORMAT, c.LABEL, c.CREATED_AT, c.LAST_USED_AT,"
            + " u.USER_HANDLE, u.USERNAME, u.DISPLAY_NAME, u.CREATED_AT, u.VOUCHED_BY"
            + " FROM PASSKEY_CREDENTIAL c JOIN PASSKEY_USER u ON u.USER_HANDLE = c.USER_HANDLE"
            + " WHERE c.CREDENTIAL_KEY = ?";

    // Parameters of the four updates, in order: [count,] backed up, used at, [challenge hash,]
    // key, credential ID, [count again,] [challenge hash again]. Two statements per case instead
    // of "... OR (SIGNATURE_COUNT = 0 AND ? = 0)": a bare parameter comparison is rejected by
    // some databases, so Java picks the condition.

    /** Sign-in with a count above 0: only a strictly greater count may be written. */
    static final String RECORD_SIGN_IN_INCREASING = "UPDATE PASSKEY_CREDENTIAL"
            + " SET SIGNATURE_COUNT = ?, BACKED_UP = ?, LAST_USED_AT = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT < ?";
    /** Sign-in with count 0 (synced passkeys): allowed only while the stored count is 0 too. */
    static final String RECORD_SIGN_IN_ZERO = "UPDATE PASSKEY_CREDENTIAL"
            + " SET BACKED_UP = ?, LAST_USED_AT = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT = 0";
    /** As {@link #RECORD_SIGN_IN_INCREASING}, once per ceremony: not if the last sign-in answered the same challenge. */
    static final String RECORD_CEREMONY_INCREASING = "UPDATE PASSKEY_CREDENTIAL"
            + " SET SIGNATURE_COUNT = ?, BACKED_UP = ?, LAST_USED_AT = ?, LAST_CHALLENGE_HASH = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT < ?"
            + " AND (LAST_CHALLENGE_HASH IS NULL OR LAST_CHALLENGE_HASH <> ?)";
    /** As {@link #RECORD_SIGN_IN_ZERO}, once per ceremony. */
    static final String RECORD_CEREMONY_ZERO = "UPDATE PASSKEY_CREDENTIAL"
            + " SET BACKED_UP = ?, LAST_USED_AT = ?, LAST_CHALLENGE_HASH = ?"
            + " WHERE CREDENTIAL_KEY = ? AND CREDENTIAL_ID = ? AND SIGNATURE_COUNT = 0"
            + " AND (LAST_CHALLENGE_HASH IS NULL OR LAST_CHALLENGE_HASH <> ?)";

    private SignInStatements() {
    }

    /**
     * The passkey with this credential ID and its owner, if both exist. The key is the ID's
     * hash; the full ID and the user handle are compared here too, exactly, also where the
     * database's collation ignores case (generated tables on MariaDB).
     */
    public static Optional<OwnedPasskey> findOwnedPasskey(Connection connection, ByteArray credentialId) throws SQLException {
        String id = Codec.base64Url(credentialId);
        try (PreparedStatement find = connection.prepareStatement(FIND_OWNED_PASSKEY)) {
            find.setString(1, Codec.credentialKey(credentialId));
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    if (id.equals(row.getString(1)) && row.getString(2).equals(row.getString(14))) {
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
     * @param challenge the ceremony's challenge, or {@code null} when the caller has none
     * @return whether the row was updated
     */
    public static boolean recordSignIn(Connection connection, ByteArray credentialId, long signatureCount, boolean backedUp,
                                Instant usedAt, ByteArray challenge) throws SQLException {
        String key = Codec.credentialKey(credentialId);
        String id = Codec.base64Url(credentialId);
        // As the JPA providers bind a LocalDateTime: through Timestamp.valueOf.
        Timestamp used = Timestamp.valueOf(Codec.toColumn(usedAt));
        String hash = challenge == null ? null : Codec.challengeHash(challenge);
        boolean zero = signatureCount == 0;
        String sql;
        List<Object> values;
        if (hash == null) {
            sql = zero ? RECORD_SIGN_IN_ZERO : RECORD_SIGN_IN_INCREASING;
            values = zero ? List.of(backedUp, used, key, id)
                    : List.of(signatureCount, backedUp, used, key, id, signatureCount);
        } else {
            sql = zero ? RECORD_CEREMONY_ZERO : RECORD_CEREMONY_INCREASING;
            values = zero ? List.of(backedUp, used, hash, key, id, hash)
                    : List.of(signatureCount, backedUp, used, hash, key, id, signatureCount, hash);
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                update.setObject(i + 1, values.get(i));
            }
            return update.executeUpdate() == 1;
        }
    }

    private static PasskeyCredentialEntity passkey(ResultSet row) throws SQLException {
        return new PasskeyCredentialEntity(null, row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                row.getString(5), row.getString(6), row.getBoolean(7), row.getBoolean(8), row.getBoolean(9),
                row.getString(10), row.getString(11), dateTime(row, 12), dateTime(row, 13));
    }

    private static PasskeyUserEntity owner(ResultSet row) throws SQLException {
        return new PasskeyUserEntity(row.getString(14), row.getString(15), row.getString(16), dateTime(row, 17), row.getString(18));
    }

    /** As both JPA providers read a {@code LocalDateTime} column: through {@link Timestamp}. */
    private static LocalDateTime dateTime(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }
}
