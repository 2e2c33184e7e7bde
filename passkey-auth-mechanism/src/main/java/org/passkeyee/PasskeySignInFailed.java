package org.passkeyee;

/**
 * CDI event: a passkey sign-in was refused. {@link PasskeyErrorCode#SIGNATURE_COUNTER_REGRESSED}
 * deserves an alert: the passkey may have been cloned.
 *
 * @param reason        why it was refused
 * @param credentialId  the credential ID presented, base64url, or {@code null} if none could be read
 * @param remoteAddress the client address as the server saw it
 */
public record PasskeySignInFailed(PasskeyErrorCode reason, String credentialId, String remoteAddress) {
}
