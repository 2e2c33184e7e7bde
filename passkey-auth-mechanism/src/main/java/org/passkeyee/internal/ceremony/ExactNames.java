package org.passkeyee.internal.ceremony;

import java.util.Optional;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;

/**
 * The one way the module looks a passkey account up by name: the store's answer, kept only when
 * the stored name is exactly the name asked for ({@link String#equals}). A store whose table
 * compares names under a case- or accent-insensitive collation (a MariaDB table generated with
 * the server's default, {@code utf8mb4_general_ci}) answers {@code jdoe}'s account for
 * {@code JDoe}; where an identity store tells the two apart, {@code JDoe} would then list, rename
 * and delete {@code jdoe}'s passkeys, or add their own to them. The SPI asks stores for exact
 * names ({@link PasskeyCredentialStore#findUserByUsername}); this checks it again, so that no
 * caller relies on every implementation getting it right.
 */
public final class ExactNames {

    private ExactNames() {
    }

    /** The passkey account whose stored name is exactly {@code username}. */
    public static Optional<PasskeyUser> account(PasskeyCredentialStore store, String username) {
        return store.findUserByUsername(username).filter(account -> account.username().equals(username));
    }
}
