package org.passkeyee;

/**
 * CDI event: an administrator deleted a passkey account with all its passkeys.
 *
 * @param username  the account's caller name
 * @param passkeys  how many passkeys it had
 * @param deletedBy the administrator's caller name
 */
public record PasskeyAccountDeleted(String username, int passkeys, String deletedBy) {
}
