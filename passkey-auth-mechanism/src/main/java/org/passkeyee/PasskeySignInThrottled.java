package org.passkeyee;

import java.time.Duration;

/**
 * CDI event: a passkey or a username has failed to sign in too often lately, and further failed
 * sign-ins for it are now answered {@link PasskeyErrorCode#TOO_MANY_FAILED_SIGN_INS}. Fired once
 * when throttling starts for it, not for every failure after. Someone is probably trying to sign
 * in as this person; a valid passkey response still signs the owner in.
 *
 * @param credentialId the passkey's credential ID (base64url), or {@code null} when a username triggered it
 * @param username     the username asked for (username-first sign-in), or {@code null} when a passkey triggered it
 * @param failures     failed sign-ins counted for it in the window
 * @param retryAfter   how long the next failure is asked to wait ({@code Retry-After})
 */
public record PasskeySignInThrottled(String credentialId, String username, int failures, Duration retryAfter) {
}
