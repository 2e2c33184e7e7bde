package org.passkeyee.internal.security;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.LogText;

/**
 * Checks a signed-in session's caller again, at most once per {@code passkey.group-refresh-interval}:
 * the passkey account it signed in to must still exist (an administrator may have deleted it), the
 * application must still let the caller sign in ({@link PasskeyAccounts#maySignIn}), and the
 * caller's groups are asked again from the store that vouched for them and the group-only stores.
 * A caller who fails a check is signed out (the session ends); so a person disabled in the
 * directory is out within the interval, and changed groups take effect within it.
 *
 * <p>When the passkey store cannot answer, the session keeps what it had and is checked again at
 * its next request: an outage does not sign everyone out.
 */
@Singleton
public class SessionRecheck {

    private static final Logger LOG = Logger.getLogger(SessionRecheck.class.getName());

    private final Duration interval;
    private final PasskeyCredentialStore store;
    private final Instance<PasskeyAccounts> accounts;
    private final VouchingStores vouchingStores;

    @Inject
    SessionRecheck(PasskeyConfiguration configuration, PasskeyCredentialStore store, Instance<PasskeyAccounts> accounts,
                   VouchingStores vouchingStores) {
        this.interval = configuration.groupRefreshInterval();
        this.store = store;
        this.accounts = accounts;
        this.vouchingStores = vouchingStores;
    }

    /**
     * Whether the session's {@code caller} is still signed in, after checking again if it is due;
     * its groups are then {@link SessionState#callerGroups}. {@code false}: the session was ended.
     * Sessions this module did not sign in are left alone.
     */
    public boolean stillSignedIn(HttpServletRequest request, String caller) {
        HttpSession session = request.getSession(false);
        Instant now = Instant.now();
        if (session == null || SessionState.signedInWith(request) == null || !SessionState.recheckDue(session, now, interval)) {
            return true;
        }
        try {
            String refused = refusal(request, caller);
            if (refused != null) {
                LOG.info(() -> "Signed out at the session's re-check: caller=" + LogText.header(caller) + " reason=" + refused);
                session.invalidate();
                return false;
            }
            boolean passkey = SessionState.signedInWith(request) == SessionState.SignInMethod.PASSKEY;
            String vouchedBy = SessionState.vouchedBy(request);
            if (!passkey && PasskeyUser.NO_VOUCHING_STORE.equals(vouchedBy)) {
                // A sign-in no store could be named for (a one-time code, a handler of the
                // application's own): its groups cannot be asked again, so they stay as they were.
                SessionState.rechecked(session, now, null);
            } else {
                SessionState.rechecked(session, now, vouchingStores.currentGroups(vouchedBy, caller, passkey));
            }
            return true;
        } catch (PasskeyStoreException | TransactionalException storeDown) {
            LOG.warning(() -> "Session re-check postponed, the passkey store is unavailable: " + LogText.storeFailure(storeDown));
            return true;
        }
    }

    /** Why the caller may no longer be signed in, or {@code null}. */
    private String refusal(HttpServletRequest request, String caller) {
        ByteArray account = SessionState.passkeyAccount(request);
        if (account != null && store.findUserByUserHandle(account).map(PasskeyUser::username).filter(caller::equals).isEmpty()) {
            return "passkey_account_deleted";
        }
        if (accounts.isResolvable() && !accounts.get().maySignIn(caller)) {
            return "account_disabled";
        }
        return null;
    }
}
