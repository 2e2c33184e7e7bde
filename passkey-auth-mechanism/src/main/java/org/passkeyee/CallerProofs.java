package org.passkeyee;

import java.time.Duration;
import java.util.Optional;

/**
 * The current caller's proofs of who they are, for an application's own sensitive actions: inject
 * it and ask before acting, e.g.
 *
 * <pre>{@code
 * @Inject CallerProofs proofs;
 *
 * void transfer(...) {
 *     if (!proofs.passkeyWithin(Duration.ofMinutes(2))) {
 *         throw new ForbiddenException("passkey_proof_required"); // the page runs passkeyee.stepUp(), then retries
 *     }
 *     ...
 * }
 * }</pre>
 *
 * A page gets a fresh proof without leaving: {@code passkeyee.stepUp()} in the browser script asks
 * for the caller's passkey (the browser's own dialog) and posts it to
 * {@code POST {prefix}/reauthenticate}.
 */
public interface CallerProofs {

    /** The caller's last proof in this session; empty when the module did not sign this session in. */
    Optional<CallerProof> last();

    /** Whether the caller proved who they are with a passkey no longer than {@code maxAge} ago. */
    default boolean passkeyWithin(Duration maxAge) {
        return last().filter(proof -> proof.method() == CallerProof.Method.PASSKEY)
                .filter(proof -> !proof.at().isBefore(java.time.Instant.now().minus(maxAge)))
                .isPresent();
    }
}
