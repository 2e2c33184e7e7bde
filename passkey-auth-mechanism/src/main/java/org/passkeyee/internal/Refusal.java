package org.passkeyee.internal;

import java.time.Duration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;

/**
 * A refusal: its stable error code, the HTTP status it is answered with, and its message. Thrown
 * where the refusal is decided and written unchanged at the HTTP edge; nothing between re-maps it.
 * It carries no stack trace because it is an answer, not a fault.
 *
 * <p>The status is the code's, except that a refused sign-in answers 401 (the caller is not
 * signed in) unless the request itself was malformed: {@link #ofSignIn}.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Abandoned anonymous ceremonies free their places as their sessions expire, over minutes. */
    private static final Duration TOO_MANY_CEREMONIES_RETRY_AFTER = Duration.ofSeconds(60);

    private final transient PasskeyErrorCode code;
    private final int status;
    private final transient Duration retryAfter;
    private final boolean genuine;

    public Refusal(PasskeyErrorCode code) {
        this(code, code.message());
    }

    public Refusal(PasskeyErrorCode code, String message) {
        this(code, code.status(), message, null, false);
    }

    private Refusal(PasskeyErrorCode code, int status, String message, Duration retryAfter, boolean genuine) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.retryAfter = retryAfter;
        this.genuine = genuine;
    }

    /** A refused sign-in: 401, or 400 when the request itself is malformed. */
    public static Refusal ofSignIn(PasskeyErrorCode code) {
        return ofSignIn(code, code.message());
    }

    /** A refused sign-in with its own message. */
    public static Refusal ofSignIn(PasskeyErrorCode code, String message) {
        return new Refusal(code, code == PasskeyErrorCode.MALFORMED_REQUEST ? 400 : 401, message, null, false);
    }

    /**
     * A refused sign-in whose signature verified (a counter gone backwards, a passkey deleted
     * meanwhile): the key's holder sent it, not a guesser, so it is not a failed guess.
     */
    public static Refusal ofGenuineSignIn(PasskeyErrorCode code) {
        return new Refusal(code, 401, code.message(), null, true);
    }

    /** A refusal in a ceremony of this kind: a sign-in's {@link #ofSignIn}, a registration's the code's status. */
    public static Refusal during(PendingCeremony.Kind ceremony, PasskeyErrorCode code) {
        return ceremony == PendingCeremony.Kind.SIGN_IN ? ofSignIn(code) : new Refusal(code);
    }

    /** More anonymous ceremonies pending than allowed: 429, come back in a minute. */
    public static Refusal tooManyCeremonies() {
        PasskeyErrorCode code = PasskeyErrorCode.TOO_MANY_CEREMONIES;
        return new Refusal(code, code.status(), code.message(), TOO_MANY_CEREMONIES_RETRY_AFTER, false);
    }

    /** Too many failed sign-ins for this passkey or username: 429, come back after {@code wait}. */
    public static Refusal tooManyFailedSignIns(Duration wait) {
        PasskeyErrorCode code = PasskeyErrorCode.TOO_MANY_FAILED_SIGN_INS;
        return new Refusal(code, code.status(), code.message(), wait, false);
    }

    public PasskeyErrorCode code() {
        return code;
    }

    public int status() {
        return status;
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
