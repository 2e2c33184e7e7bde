package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import org.passkeyee.PasskeyUser;

/**
 * How the signed-in caller who adds a passkey proved who they are, which decides whether the
 * passkey may join an existing passkey account of the same name: two identity stores may know
 * one name for two people, and a name freed in a store may be given to someone new.
 *
 * @param vouchedBy          the key of the identity store that signed the caller in
 *                           ({@link PasskeyUser#NO_VOUCHING_STORE} when none did)
 * @param passkeyAccount     the user handle of the passkey account the session signed in to (a
 *                           passkey sign-in or a sign-up), or {@code null}
 * @param legacyAccountsVouchedBy what an account stored before vouching stores were recorded
 *                           counts as ({@link PasskeyUser#vouchedBy()} {@code null})
 * @param renamedKeys        the keys a store had when an account recorded it, and its key now
 */
public record SessionSignIn(String vouchedBy, ByteArray passkeyAccount, String legacyAccountsVouchedBy,
                            java.util.Map<String, String> renamedKeys) {

    /** Copies the keys. */
    public SessionSignIn {
        renamedKeys = java.util.Map.copyOf(renamedKeys);
    }

    /** Where no store's key changed. */
    public SessionSignIn(String vouchedBy, ByteArray passkeyAccount, String legacyAccountsVouchedBy) {
        this(vouchedBy, passkeyAccount, legacyAccountsVouchedBy, java.util.Map.of());
    }

    /**
     * Whether this session's caller owns {@code account}, so that a passkey may join it and the
     * caller may see, rename and delete its passkeys: the session signed in to that very account
     * with a passkey, or the store that vouched for the account signed this caller in.
     */
    public boolean mayJoin(PasskeyUser account) {
        if (account.userHandle().equals(passkeyAccount)) {
            return true;
        }
        String recorded = account.vouchedBy();
        String accountVouchedBy = recorded != null ? renamedKeys.getOrDefault(recorded, recorded) : legacyAccountsVouchedBy;
        return !PasskeyUser.NO_VOUCHING_STORE.equals(vouchedBy) && vouchedBy.equals(accountVouchedBy);
    }
}
