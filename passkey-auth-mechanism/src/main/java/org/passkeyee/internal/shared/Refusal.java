package org.passkeyee.internal.shared;

import java.time.Duration;
import org.passkeyee.PasskeyErrorCode;

/**
 * A refusal: its stable error code, its message, and whether it refuses a sign-in (which the
 * code's {@link PasskeyErrorCode#signInStatus() sign-in status} answers). Thrown where the refusal
 * is decided and written unchanged at the HTTP edge; nothing between re-maps it. It carries no
 * stack trace because it is an answer, not a fault.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PasskeyErrorCode code;
    private final boolean signIn;
    private final transient Duration retryAfter;
    private final boolean genuine;

    public Refusal(PasskeyErrorCode code) {
        this(code, code.message());
    }

    public Refusal(PasskeyErrorCode code, String message) {
        this(code, false, message, null, false);
    }

    private Refusal(PasskeyErrorCode code, boolean signIn, String message, Duration retryAfter, boolean genuine) {
        super(message, null, false, false);
        this.code = code;
        this.signIn = signIn;
        this.retryAfter = retryAfter;
        this.genuine = genuine;
    }

    /** A refused sign-in (or step-up): answered with the code's sign-in status. */
    public static Refusal ofSignIn(PasskeyErrorCode code) {
        return ofSignIn(code, code.message());
    }

    /** A refused sign-in with its own message. */
    public static Refusal ofSignIn(PasskeyErrorCode code, String message) {
        return new Refusal(code, true, message, null, false);
    }

    /**
     * A refused sign-in whose signature verified (a counter gone backwards, a passkey deleted
     * meanwhile): the key's holder sent it, not a guesser, so it is not a failed guess.
     */
    public static Refusal ofGenuineSignIn(PasskeyErrorCode code) {
        return new Refusal(code, true, code.message(), null, true);
    }

    /** Too many failed sign-ins for this passkey or username: 429, come back after {@code wait}. */
    public static Refusal tooManyFailedSignIns(Duration wait) {
        PasskeyErrorCode code = PasskeyErrorCode.TOO_MANY_FAILED_SIGN_INS;
        return new Refusal(code, false, code.message(), wait, false);
    }

    public PasskeyErrorCode code() {
        return code;
    }

    /** The HTTP status it is answered with: decided by its code, and whether it refuses a sign-in. */
    public int status() {
        return signIn ? code.signInStatus() : code.status();
    }

    /** Whether the refused request was signed by the passkey's own key ({@link #ofGenuineSignIn}). */
    public boolean genuine() {
        return genuine;
    }

    /** How long the client should wait before trying again; {@code null} when it need not. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
