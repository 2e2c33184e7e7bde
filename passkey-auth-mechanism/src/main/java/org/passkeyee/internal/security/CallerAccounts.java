package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.ceremony.ExactNames;

/**
 * The signed-in caller's own passkey account: the one of their name, if their sign-in proved it is
 * theirs ({@link org.passkeyee.internal.ceremony.SessionSignIn#mayJoin}). Another person whom
 * another identity store knows by the same name has none.
 */
@Singleton
public class CallerAccounts {

    private final PasskeyCredentialStore store;
    private final VouchingStores vouchingStores;

    @Inject
    CallerAccounts(PasskeyCredentialStore store, VouchingStores vouchingStores) {
        this.store = store;
        this.vouchingStores = vouchingStores;
    }

    /** The passkey account of {@code caller}, signed in on this request, if it is theirs. */
    public Optional<PasskeyUser> of(HttpServletRequest request, String caller) {
        return ExactNames.account(store, caller).filter(vouchingStores.sessionSignIn(request)::mayJoin);
    }
}
