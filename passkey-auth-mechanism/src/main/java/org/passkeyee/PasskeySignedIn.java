package org.passkeyee;

/**
 * CDI event: a caller signed in with a passkey.
 *
 * @param username     the caller
 * @param credentialId the credential ID used, base64url
 */
public record PasskeySignedIn(String username, String credentialId) {
}
