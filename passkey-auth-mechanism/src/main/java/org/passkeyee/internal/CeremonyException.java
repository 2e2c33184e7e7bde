package org.passkeyee.internal;

import org.passkeyee.PasskeyErrorCode;

/**
 * A refusal with its stable error code. Thrown anywhere below the HTTP edge and turned into a
 * JSON error answer there; it carries no stack trace because it is an answer, not a fault.
 */
final class CeremonyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient PasskeyErrorCode code;

    CeremonyException(PasskeyErrorCode code) {
        this(code, code.message());
    }

    CeremonyException(PasskeyErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    PasskeyErrorCode code() {
        return code;
    }
}
