package org.passkeyee;

/**
 * CDI event: a caller renamed one of their passkeys.
 *
 * @param username     the owner
 * @param credentialId the credential ID, base64url
 * @param label        the new name
 */
public record PasskeyRenamed(String username, String credentialId, String label) {
}
