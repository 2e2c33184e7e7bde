package org.passkeyee.persistence;

import static org.passkeyee.persistence.StoreFailures.failure;

import com.yubico.webauthn.data.ByteArray;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.passkeyee.PasskeyCredentialStore.OwnedPasskey;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.persistence.jpa.StoreConnections;
import org.passkeyee.persistence.schema.Codec;
import org.passkeyee.persistence.schema.SignInStatements;

/**
 * The sign-in's two operations, each a single statement in plain JDBC
 * ({@link SignInStatements}) on a connection of the store's datasource, which joins the caller's
 * transaction if there is one and otherwise commits on its own.
 */
class SignIns {

    private final String scope;
    private final StoreConnections connections;

    SignIns(String scope, StoreConnections connections) {
        this.scope = scope;
        this.connections = connections;
    }

    /** The passkey and its owner of this store scope, in one joined {@code SELECT} by primary key. */
    Optional<OwnedPasskey> findPasskeyWithOwner(ByteArray credentialId) {
        return inJdbc("find a passkey and its owner",
                connection -> SignInStatements.findOwnedPasskey(connection, scope, credentialId));
    }

    /**
     * Records the sign-in in one conditional {@code UPDATE}.
     *
     * @throws IllegalArgumentException if {@code signatureCount} is negative
     */
    boolean recordSignIn(ByteArray credentialId, long signatureCount, boolean backedUp, Instant usedAt,
                         ByteArray challenge) {
        Codec.checkSignatureCount(signatureCount);
        return inJdbc("record a sign-in", connection ->
                SignInStatements.recordSignIn(connection, credentialId, signatureCount, backedUp, usedAt, challenge));
    }

    /** Runs JDBC work on the transaction's connection, turning any failure into a {@link PasskeyStoreException}. */
    private <T> T inJdbc(String action, StoreConnections.Work<T> work) {
        try {
            return connections.run(work);
        } catch (PasskeyStoreException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw failure(action, e);
        }
    }
}
