package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyStoreException;
import org.passkeyee.PasskeyUser;
import org.passkeyee.UserVerificationPolicy;

/** A signed-in session checked again: deleted and disabled accounts signed out, groups asked again. */
class SessionRecheckTest {

    private static final ByteArray HANDLE = new ByteArray(new byte[64]);
    private static final String STORE = "org.example.StaffDirectory";

    private final PasskeyCredentialStore store = mock(PasskeyCredentialStore.class);
    private final PasskeyAccounts accounts = mock(PasskeyAccounts.class);
    private final VouchingStores vouchingStores = mock(VouchingStores.class);
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpSession session = mock(HttpSession.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final SessionRecheck recheck;

    @SuppressWarnings("unchecked")
    SessionRecheckTest() {
        Instance<PasskeyAccounts> instance = mock(Instance.class);
        when(instance.isResolvable()).thenReturn(true);
        when(instance.get()).thenReturn(accounts);
        when(accounts.maySignIn(any())).thenReturn(true);
        recheck = new SessionRecheck(configuration(), store, instance, vouchingStores);
        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute(any())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(any(), any());
    }

    @Test
    void stillSignedInWhenNotDueThenNothingIsAsked() {
        SessionState.markSignedIn(session, Instant.now(), SessionState.SignInMethod.PASSKEY, true, Set.of("staff"), STORE, HANDLE, false);

        assertTrue(recheck.stillSignedIn(request, "jdoe"));
        verify(store, never()).findUserByUserHandle(any());
        verify(accounts, never()).maySignIn(any());
    }

    @Test
    void stillSignedInWhenDueThenGroupsTheStoreNoLongerGivesAreRemoved() {
        SessionState.markSignedIn(session, Instant.now().minus(Duration.ofHours(1)), SessionState.SignInMethod.PASSKEY, false,
                Set.of("staff", "managers"), STORE, HANDLE, false);
        when(store.findUserByUserHandle(HANDLE)).thenReturn(Optional.of(account()));
        when(vouchingStores.currentGroups(STORE, "jdoe", true)).thenReturn(Set.of("managers"));

        assertTrue(recheck.stillSignedIn(request, "jdoe"));
        assertArrayEquals(new String[] {"managers"}, SessionState.callerGroups(request));
    }

    @Test
    void stillSignedInWhenTheStoreGivesMoreThanTheSignInDidThenNoGroupIsAdded() {
        // A read-only login: the store's validate() gave "reader" only; by name it gives the full account's groups.
        signedInLongAgo(SessionState.SignInMethod.PASSWORD, STORE, null);
        when(vouchingStores.currentGroups(STORE, "jdoe", false)).thenReturn(Set.of("staff", "admin"));

        assertTrue(recheck.stillSignedIn(request, "jdoe"));
        assertArrayEquals(new String[] {"staff"}, SessionState.callerGroups(request));
    }

    @Test
    void stillSignedInWhenThePasskeyAccountWasDeletedThenSignedOut() {
        signedInLongAgo(SessionState.SignInMethod.PASSKEY, STORE, HANDLE);
        when(store.findUserByUserHandle(HANDLE)).thenReturn(Optional.empty());

        assertFalse(recheck.stillSignedIn(request, "jdoe"));
        verify(session).invalidate();
    }

    @Test
    void stillSignedInWhenTheApplicationDisabledTheCallerThenSignedOut() {
        signedInLongAgo(SessionState.SignInMethod.PASSWORD, STORE, null);
        when(accounts.maySignIn("jdoe")).thenReturn(false);

        assertFalse(recheck.stillSignedIn(request, "jdoe"));
        verify(session).invalidate();
    }

    @Test
    void stillSignedInWhenNoStoreCouldBeNamedForAPasswordSignInThenItsGroupsStay() {
        signedInLongAgo(SessionState.SignInMethod.OTHER, PasskeyUser.NO_VOUCHING_STORE, null);

        assertTrue(recheck.stillSignedIn(request, "jdoe"));
        assertArrayEquals(new String[] {"staff"}, SessionState.callerGroups(request));
        verify(vouchingStores, never()).currentGroups(any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void stillSignedInWhenTheStoreIsDownThenTheSessionKeepsWhatItHadAndIsCheckedAgainNextTime() {
        signedInLongAgo(SessionState.SignInMethod.PASSKEY, STORE, HANDLE);
        when(store.findUserByUserHandle(HANDLE)).thenThrow(new PasskeyStoreException("down", null));

        assertTrue(recheck.stillSignedIn(request, "jdoe"));
        verify(session, never()).invalidate();
        assertTrue(SessionState.recheckDue(session, Instant.now(), Duration.ofMinutes(5)));
    }

    private void signedInLongAgo(SessionState.SignInMethod method, String vouchedBy, ByteArray account) {
        SessionState.markSignedIn(session, Instant.now().minus(Duration.ofHours(1)), method, false, Set.of("staff"), vouchedBy, account, false);
    }

    private static PasskeyUser account() {
        return new PasskeyUser("jdoe", "jdoe", HANDLE, Instant.EPOCH, STORE);
    }

    private static PasskeyConfiguration configuration() {
        return new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 50_000, true, List.of(), 5, Duration.ofMinutes(5), "");
    }
}
