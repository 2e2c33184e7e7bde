package org.passkeyee;

/**
 * Thrown by a {@link PasskeyCredentialStore} when the storage itself fails, for example when the
 * database cannot be reached. The endpoints answer it with 503 {@code store_unavailable}.
 */
public class PasskeyStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps the storage failure. */
    public PasskeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
