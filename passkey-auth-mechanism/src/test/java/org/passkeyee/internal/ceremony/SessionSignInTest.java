package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.data.ByteArray;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyUser;

/** Which existing passkey account a signed-in caller's new passkey may join. */
class SessionSignInTest {

    private final ByteArray handle = new ByteArray(new byte[64]);
    private final PasskeyUser customerAccount = new PasskeyUser("jdoe", "jdoe", handle, Instant.EPOCH, "customers");
    private final PasskeyUser signUpAccount = new PasskeyUser("jdoe", "jdoe", handle, Instant.EPOCH, PasskeyUser.NO_VOUCHING_STORE);
    private final PasskeyUser legacyAccount = new PasskeyUser("jdoe", "jdoe", handle, Instant.EPOCH, null);

    @Test
    void mayJoinWhenTheSameStoreVouchedForTheSessionAndTheAccount() {
        assertTrue(new SessionSignIn("customers", null, "none").mayJoin(customerAccount));
        assertFalse(new SessionSignIn("staff", null, "none").mayJoin(customerAccount), "the staff jdoe is another person");
    }

    @Test
    void mayJoinWhenTheSessionSignedInToThatAccountWithAPasskey() {
        assertTrue(new SessionSignIn(PasskeyUser.NO_VOUCHING_STORE, handle, "none").mayJoin(signUpAccount));
        assertFalse(new SessionSignIn(PasskeyUser.NO_VOUCHING_STORE, null, "none").mayJoin(signUpAccount),
                "a session no store vouched for never joins an account it did not sign in to");
        assertFalse(new SessionSignIn("customers", null, "none").mayJoin(signUpAccount),
                "a store that now knows a signed-up name vouches for a new person");
    }

    @Test
    void mayJoinLegacyAccountOnlyAsWhatLegacyAccountsCountAs() {
        assertTrue(new SessionSignIn("staff", null, "staff").mayJoin(legacyAccount));
        assertFalse(new SessionSignIn("staff", null, PasskeyUser.NO_VOUCHING_STORE).mayJoin(legacyAccount));
    }
}
