package org.passkeyee;

/**
 * CDI event: a passkey was registered.
 *
 * @param username     the owner
 * @param credentialId the credential ID, base64url
 * @param signUp       whether it created the account
 */
public record PasskeyRegistered(String username, String credentialId, boolean signUp) {
}
