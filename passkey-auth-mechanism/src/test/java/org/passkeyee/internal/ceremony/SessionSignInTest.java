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
        assertTrue(new SessionSignIn("customers", null).mayJoin(customerAccount));
        assertFalse(new SessionSignIn("staff", null).mayJoin(customerAccount), "the staff jdoe is another person");
    }

    @Test
    void mayJoinWhenTheSessionSignedInToThatAccountWithAPasskey() {
        assertTrue(new SessionSignIn(PasskeyUser.NO_VOUCHING_STORE, handle).mayJoin(signUpAccount));
        assertFalse(new SessionSignIn(PasskeyUser.NO_VOUCHING_STORE, null).mayJoin(signUpAccount),
                "a session no store vouched for never joins an account it did not sign in to");
        assertFalse(new SessionSignIn("customers", null).mayJoin(signUpAccount),
                "a store that now knows a signed-up name vouches for a new person");
    }

    @Test
    void mayJoinWhenAPasskeySessionThenOnlyItsOwnAccountByUserHandle() {
        ByteArray deletedAccount = new ByteArray(new byte[] {1, 2, 3});

        assertFalse(new SessionSignIn("customers", deletedAccount).mayJoin(customerAccount),
                "the name's new holder, vouched for by the same store, is another person");
        assertTrue(new SessionSignIn("customers", handle).mayJoin(customerAccount));
    }

    @Test
    void mayJoinWhenAnAccountRecordedNoStoreThenNoPasswordSession() {
        assertFalse(new SessionSignIn("staff", null).mayJoin(legacyAccount),
                "stored before schema 3: a sign-up of then looks the same, so only an administrator assigns it");
        assertTrue(new SessionSignIn("staff", handle).mayJoin(legacyAccount), "its own passkey session");
    }
}
