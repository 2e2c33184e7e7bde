package org.passkeyee.internal.ceremony;

import org.passkeyee.StoredPasskey;

/**
 * A sign-up {@link RegistrationCeremony} completed: the new account's name and its first passkey.
 *
 * @param username the new caller's name
 * @param passkey  the passkey the account was created with
 */
public record NewAccount(String username, StoredPasskey passkey) {
}
