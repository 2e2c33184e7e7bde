package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import java.util.Map;
import org.passkeyee.PasskeyUser;

/**
 * How the signed-in caller who adds a passkey proved who they are, which decides whether the
 * passkey may join an existing passkey account of the same name: two identity stores may know
 * one name for two people, and a name freed in a store may be given to someone new.
 *
 * @param vouchedBy      the key of the identity store that signed the caller in
 *                       ({@link PasskeyUser#NO_VOUCHING_STORE} when none did)
 * @param passkeyAccount the user handle of the passkey account the session signed in to (a
 *                       passkey sign-in or a sign-up), or {@code null}
 * @param renamedKeys    the keys a store had when an account recorded it, and its key now
 */
public record SessionSignIn(String vouchedBy, ByteArray passkeyAccount, Map<String, String> renamedKeys) {

    /** Copies the keys. */
    public SessionSignIn {
        renamedKeys = Map.copyOf(renamedKeys);
    }

    /** Where no store's key changed. */
    public SessionSignIn(String vouchedBy, ByteArray passkeyAccount) {
        this(vouchedBy, passkeyAccount, Map.of());
    }

    /**
     * Whether this session's caller owns {@code account}, so that a passkey may join it and the
     * caller may see, rename and delete its passkeys. A passkey session owns the very account it
     * signed in to, known by its user handle, and no other: after that account is deleted, a new
     * account of the same name is another person's. A session another store signed in owns the
     * account that store vouched for. An account no store vouched for (a sign-up, or one stored
     * before vouching stores were recorded, until an administrator assigns it) is joined by a
     * passkey of its own only.
     */
    public boolean mayJoin(PasskeyUser account) {
        if (passkeyAccount != null) {
            return account.userHandle().equals(passkeyAccount);
        }
        String recorded = account.vouchedBy();
        return recorded != null && !PasskeyUser.NO_VOUCHING_STORE.equals(vouchedBy)
                && vouchedBy.equals(renamedKeys.getOrDefault(recorded, recorded));
    }
}
