package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.passkeyee.testsupport.Cbor;

/**
 * TEST-ONLY: edits the attestation object of a registration response (its format, statement and
 * authenticator data, the COSE key inside), as a client that is no browser would send it. With
 * {@code none} attestation nothing signs the authenticator data at registration, so an edited
 * response is still one an attacker's authenticator could have made.
 */
final class AttestationObjects {

    /** Offset of the flags byte and of the credential ID length in authenticator data. */
    static final int FLAGS = 32;
    private static final int CREDENTIAL_ID_LENGTH = 53;

    private AttestationObjects() {
    }

    /** A copy of {@code response} whose attestation object (a map: fmt, attStmt, authData) {@code edit} changed. */
    static ObjectNode edited(ObjectNode response, Consumer<Map<Object, Object>> edit) {
        ObjectNode copy = response.deepCopy();
        ObjectNode attestationResponse = (ObjectNode) copy.get("response");
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<?, ?>) Cbor.decode(
                Base64.getUrlDecoder().decode(attestationResponse.get("attestationObject").asText())));
        edit.accept(attestation);
        attestationResponse.put("attestationObject", Base64.getUrlEncoder().withoutPadding().encodeToString(Cbor.encode(attestation)));
        return copy;
    }

    /** An edit of the authenticator data. */
    static Consumer<Map<Object, Object>> authData(UnaryOperator<byte[]> edit) {
        return attestation -> attestation.put("authData", edit.apply(((byte[]) attestation.get("authData")).clone()));
    }

    /** An edit of the statement (a copy of it, the format unchanged). */
    static Consumer<Map<Object, Object>> statement(Consumer<Map<Object, Object>> edit) {
        return attestation -> {
            Map<Object, Object> statement = new LinkedHashMap<>((Map<?, ?>) attestation.get("attStmt"));
            edit.accept(statement);
            attestation.put("attStmt", statement);
        };
    }

    /** Authenticator data with these flags. */
    static UnaryOperator<byte[]> flags(int flags) {
        return authData -> {
            authData[FLAGS] = (byte) flags;
            return authData;
        };
    }

    /** Authenticator data of a registration whose COSE key (the last thing in it) {@code edit} changed. */
    static UnaryOperator<byte[]> coseKey(Consumer<Map<Object, Object>> edit) {
        return authData -> {
            int keyStart = CREDENTIAL_ID_LENGTH + 2 + (((authData[CREDENTIAL_ID_LENGTH] & 0xff) << 8) | (authData[CREDENTIAL_ID_LENGTH + 1] & 0xff));
            Map<Object, Object> key = new LinkedHashMap<>((Map<?, ?>) Cbor.decode(Arrays.copyOfRange(authData, keyStart, authData.length)));
            edit.accept(key);
            byte[] encoded = Cbor.encode(key);
            byte[] edited = Arrays.copyOf(authData, keyStart + encoded.length);
            System.arraycopy(encoded, 0, edited, keyStart, encoded.length);
            return edited;
        };
    }

    /** Authenticator data with {@code bytes} appended. */
    static UnaryOperator<byte[]> appended(byte[] bytes) {
        return authData -> {
            byte[] longer = Arrays.copyOf(authData, authData.length + bytes.length);
            System.arraycopy(bytes, 0, longer, authData.length, bytes.length);
            return longer;
        };
    }
}
