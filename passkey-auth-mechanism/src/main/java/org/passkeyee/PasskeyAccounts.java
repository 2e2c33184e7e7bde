package org.passkeyee;

/**
 * The application's say over accounts: implement it as a CDI bean to allow sign-up, to switch
 * accounts off, or to let callers delete their last passkey.
 *
 * <p>Other identity stores of the application may add groups to whatever caller name the passkey
 * store returns. A sign-up for a name that already exists anywhere those stores look (LDAP, a
 * users table, a realm) would therefore let a newcomer inherit that person's groups. Only the
 * application knows where its names live, so without an implementation of this interface
 * sign-up is refused.
 */
public interface PasskeyAccounts {

    /**
     * Answers whether a sign-up may use this username. Called when a sign-up starts, to refuse
     * taken names early. Implementations MUST return {@code false} for any name that exists in
     * any identity store of the application, in any spelling those stores treat as equal: compare
     * the way the stores do (the same collation: case- and accent-insensitive where the database
     * or directory is). The name has passed the module's name policy and is case-folded
     * (Unicode Default Case Folding: {@code Straße} arrives as {@code strasse}). The default
     * answers {@code false}: sign-up stays closed.
     */
    default boolean isUsernameAvailable(String username) {
        return false;
    }

    /**
     * Answers whether this caller may still sign in: {@code false} for a person disabled, locked
     * or removed in the application's directory. Asked at every passkey sign-in (after the
     * passkey's signature verified, so the answer tells nothing to someone without the key) and
     * whenever a signed-in session is checked again ({@code passkey.group-refresh-interval}),
     * which signs a refused caller out. The default allows everyone.
     */
    default boolean maySignIn(String callerName) {
        return true;
    }

    /**
     * Reserves the username for the new passkey caller, just before the account is stored.
     * Implementations that keep their own user records create the record here. The default
     * checks availability once more.
     *
     * @return {@code false} to refuse the sign-up (the name was taken in the meantime)
     */
    default boolean reserveUsername(String username) {
        return isUsernameAvailable(username);
    }

    /**
     * Undoes {@link #reserveUsername} when the account could not be stored after all (the
     * passkey store found the name or the passkey taken, or failed): an implementation that
     * created a record there removes it, so a refused sign-up never keeps a name. The default
     * does nothing.
     */
    default void releaseUsername(String username) {
    }

    /**
     * Answers whether the caller can sign in without passkeys (a password, another login), in
     * which case their last passkey may be deleted. The default is {@code false}: the last
     * passkey cannot be deleted.
     */
    default boolean hasOtherSignInMethod(String callerName) {
        return false;
    }
}
