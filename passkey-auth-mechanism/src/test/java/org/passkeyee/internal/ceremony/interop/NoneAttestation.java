package org.passkeyee.internal.ceremony.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.yubico.webauthn.data.ByteArray;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * TEST-ONLY: an attestation object as a browser forwards it to an RP that asked for attestation
 * {@code none} (WebAuthn §5.1.3, "none"): {@code fmt} "none" and an empty {@code attStmt}, the
 * authenticator data, with the credential and its public key, unchanged.
 */
final class NoneAttestation {

    private static final CBORMapper CBOR = new CBORMapper();

    private NoneAttestation() {
    }

    /** {@code attestationObject} with its attestation statement replaced by none. */
    static ByteArray of(ByteArray attestationObject) {
        try {
            ObjectNode attestation = (ObjectNode) CBOR.readTree(attestationObject.getBytes());
            attestation.put("fmt", "none");
            attestation.putObject("attStmt");
            return new ByteArray(CBOR.writeValueAsBytes(attestation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
