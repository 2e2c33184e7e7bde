package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.ceremony.SessionSignIn;

/**
 * The caller's own passkey account, which management (list, rename, delete) and step-up act on:
 * the account of exactly the caller's name, even where the store ignores case.
 */
class CallerAccountsTest {

    private static final String STAFF = "org.example.StaffDirectory";

    private final PasskeyCredentialStore store = mock(PasskeyCredentialStore.class);
    private final VouchingStores vouchingStores = mock(VouchingStores.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final CallerAccounts callerAccounts = new CallerAccounts(store, vouchingStores);
    private final PasskeyUser jdoe = new PasskeyUser("jdoe", "J. Doe", new ByteArray(new byte[64]), Instant.EPOCH, STAFF);

    CallerAccountsTest() {
        when(vouchingStores.sessionSignIn(request)).thenReturn(new SessionSignIn(STAFF, null));
    }

    @Test
    void ofWhenTheStoreAnswersTheAccountOfANameThatDiffersInCaseThenNone() {
        when(store.findUserByUsername("JDoe")).thenReturn(Optional.of(jdoe));

        assertEquals(Optional.empty(), callerAccounts.of(request, "JDoe"));
    }

    @Test
    void ofWhenTheNameIsExactlyTheCallersAndTheirStoreVouchedForItThenTheAccount() {
        when(store.findUserByUsername("jdoe")).thenReturn(Optional.of(jdoe));

        assertEquals(Optional.of(jdoe), callerAccounts.of(request, "jdoe"));
    }
}
