package org.passkeyee;

/**
 * CDI event: a caller deleted one of their passkeys.
 *
 * @param username     the owner
 * @param credentialId the credential ID, base64url
 */
public record PasskeyDeleted(String username, String credentialId) {
}
