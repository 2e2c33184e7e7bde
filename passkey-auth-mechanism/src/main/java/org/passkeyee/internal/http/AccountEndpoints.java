package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.passkeyee.PasskeyAccountDeleted;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.ceremony.ExactNames;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.security.SessionState;

/**
 * What administrators do to passkey accounts: {@code POST {prefix}/accounts/delete}
 * {@code {"username"}} deletes an account with all its passkeys (offboarding), for callers in
 * {@code passkey.admin-role} who signed in recently. Without an admin role configured the endpoint
 * does not exist (404). The account's sessions end at their next re-check.
 */
@Singleton
public class AccountEndpoints {

    private static final Logger LOG = Logger.getLogger(AccountEndpoints.class.getName());

    private final PasskeyConfiguration configuration;
    private final PasskeyCredentialStore store;
    private final Instance<PasskeyAccounts> accounts;
    private final Event<PasskeyAccountDeleted> deleted;
    private final JsonRequestReader reader;

    @Inject
    AccountEndpoints(PasskeyConfiguration configuration, PasskeyCredentialStore store, Instance<PasskeyAccounts> accounts,
                     Event<PasskeyAccountDeleted> deleted) {
        this.configuration = configuration;
        this.store = store;
        this.accounts = accounts;
        this.deleted = deleted;
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
    }

    /**
     * Deletes the named account and its passkeys: 204; {@code 404 account_not_found} when no
     * passkey account has that exact name. A sign-up account's name is released with the
     * application ({@link PasskeyAccounts#releaseUsername}), as it was reserved there.
     */
    void deleteAccount(HttpServletRequest request, HttpServletResponse response, String administrator) throws IOException {
        String role = configuration.adminRole();
        if (role.isEmpty()) {
            throw new Refusal(PasskeyErrorCode.NOT_FOUND);
        }
        if (!request.isUserInRole(role)) {
            throw new Refusal(PasskeyErrorCode.FORBIDDEN);
        }
        SessionState.requireSignedInWithin(request, configuration.reauthenticationWindow());
        ObjectNode body = reader.readObject(request);
        String username = JsonRequestReader.optionalText(body, "username");
        if (username == null) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST, "The field 'username' is required.");
        }
        PasskeyUser account = ExactNames.account(store, username).orElseThrow(() -> new Refusal(PasskeyErrorCode.ACCOUNT_NOT_FOUND));
        int passkeys = store.findPasskeys(account.userHandle()).size();
        if (!store.deleteUser(account.userHandle())) {
            throw new Refusal(PasskeyErrorCode.ACCOUNT_NOT_FOUND);
        }
        if (PasskeyUser.NO_VOUCHING_STORE.equals(account.vouchedBy()) && accounts.isResolvable()) {
            accounts.get().releaseUsername(account.username());
        }
        LOG.info(() -> "Passkey account deleted: caller=" + LogText.header(account.username()) + " passkeys=" + passkeys
                + " by=" + LogText.header(administrator));
        deleted.fire(new PasskeyAccountDeleted(account.username(), passkeys, administrator));
        JsonAnswers.noContent(response);
    }
}
