package org.passkeyee.internal.ceremony.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.TestClock;

class PendingCeremoniesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final PendingCeremonies ceremonies = new PendingCeremonies(Duration.ofMinutes(5), 1_000, clock);
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final HttpSession session = session(attributes, true);
    private final HttpServletRequest request = request(session);

    @Test
    void takeWhenStartedThenReturnedOnceAndGone() {
        ceremonies.putSignIn(request, assertion(0), null);

        assertEquals(assertion(0), ceremonies.take(request, PendingCeremony.Kind.SIGN_IN).assertionRequest());
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_IN));
    }

    @Test
    void takeWhenNothingStartedOrNoSessionThenNotFound() {
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_IN));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request(null), PendingCeremony.Kind.SIGN_IN));
    }

    @Test
    void takeWhenOlderThanTheTimeoutThenExpiredAndStillGone() {
        ceremonies.putSignIn(request, assertion(0), null);
        clock.advance(Duration.ofMinutes(5));

        assertRefused(PasskeyErrorCode.CEREMONY_EXPIRED, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_IN));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_IN));
    }

    @Test
    void takeWhenJustBeforeTheTimeoutThenAccepted() {
        ceremonies.putSignIn(request, assertion(0), null);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));

        assertEquals(assertion(0), ceremonies.take(request, PendingCeremony.Kind.SIGN_IN).assertionRequest());
    }

    @Test
    void takeWhenAnotherKindIsPendingThenNotFoundAndTheOtherStays() {
        ceremonies.putRegistration(request, PendingCeremony.Kind.ADD_PASSKEY, creation(), "alice", false);

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_UP));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.take(request, PendingCeremony.Kind.SIGN_IN));
        assertEquals("alice", ceremonies.take(request, PendingCeremony.Kind.ADD_PASSKEY).username());
    }

    @Test
    void putWhenANewerCeremonyStartsThenItReplacesTheOlder() {
        ceremonies.putSignIn(request, assertion(1), null);
        ceremonies.putSignIn(request, assertion(2), null);

        assertEquals(assertion(2), ceremonies.take(request, PendingCeremony.Kind.SIGN_IN).assertionRequest());
    }

    @Test
    void putWhenSessionIsNewAndAnonymousThenItLivesJustLongerThanTheCeremony() {
        ceremonies.putSignIn(request, assertion(0), null);

        verify(session).setMaxInactiveInterval(360);
    }

    @Test
    void putWhenTheAnonymousBudgetIsSpentThenTooManyAndNoSessionCreated() {
        PendingCeremonies capped = new PendingCeremonies(Duration.ofMinutes(5), 2, clock);
        capped.putSignIn(browserWithoutSession(), assertion(0), null);
        capped.putSignIn(browserWithoutSession(), assertion(0), null);
        HttpServletRequest third = browserWithoutSession();

        assertRefused(PasskeyErrorCode.TOO_MANY_CEREMONIES, () -> capped.putSignIn(third, assertion(0), null));

        verify(third, never()).getSession(true);
        assertEquals(2, capped.anonymousSessions());
    }

    @Test
    void putAgainInTheSameAnonymousSessionThenNoSecondPlaceTaken() {
        PendingCeremonies capped = new PendingCeremonies(Duration.ofMinutes(5), 1, clock);
        HttpServletRequest browser = browserWithoutSession();
        capped.putSignIn(browser, assertion(0), null);

        capped.putSignIn(browser, assertion(0), null);
        capped.putRegistration(browser, PendingCeremony.Kind.SIGN_UP, creation(), "bob", false);

        assertEquals(1, capped.anonymousSessions());
    }

    @Test
    void signedInOrSessionEndedThenThePlaceIsFreed() {
        PendingCeremonies capped = new PendingCeremonies(Duration.ofMinutes(5), 1, clock);
        HttpServletRequest first = browserWithoutSession();
        capped.putSignIn(first, assertion(0), null);

        PendingCeremonies.signedIn(first.getSession(false));
        PendingCeremonies.signedIn(first.getSession(false));
        HttpServletRequest second = browserWithoutSession();
        capped.putSignIn(second, assertion(0), null);

        assertEquals(1, capped.anonymousSessions());
        second.getSession(false).removeAttribute(PendingCeremonies.ANONYMOUS_TICKET_ATTRIBUTE);
        assertEquals(0, capped.anonymousSessions());
    }

    @Test
    void putWhenCallerIsSignedInThenTheSessionKeepsItsLifetime() {
        when(request.getUserPrincipal()).thenReturn(mock(Principal.class));

        ceremonies.putRegistration(request, PendingCeremony.Kind.ADD_PASSKEY, creation(), "alice", false);

        verify(session, never()).setMaxInactiveInterval(org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void takeWhenManyThreadsRaceForOneCeremonyThenExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 200; round++) {
                ceremonies.putSignIn(request, assertion(0), null);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            ceremonies.take(request, PendingCeremony.Kind.SIGN_IN);
                            return true;
                        } catch (Refusal refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertRefused(PasskeyErrorCode expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(Refusal.class, action).code());
    }

    private static HttpSession session(Map<String, Object> attributes, boolean isNew) {
        HttpSession session = mock(HttpSession.class);
        when(session.getId()).thenReturn("session-1");
        when(session.isNew()).thenReturn(isNew);
        when(session.getAttribute(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.doAnswer(call -> {
            Object removed = attributes.remove(call.<String>getArgument(0));
            if (removed instanceof HttpSessionBindingListener listener) {
                listener.valueUnbound(new HttpSessionBindingEvent(session, call.getArgument(0), removed));
            }
            return null;
        }).when(session).removeAttribute(org.mockito.ArgumentMatchers.anyString());
        return session;
    }

    /** A browser's first request: no session until the code asks for one. */
    private static HttpServletRequest browserWithoutSession() {
        HttpSession session = session(new ConcurrentHashMap<>(), true);
        HttpServletRequest request = mock(HttpServletRequest.class);
        boolean[] created = {false};
        when(request.getSession(false)).thenAnswer(call -> created[0] ? session : null);
        when(request.getSession(true)).thenAnswer(call -> {
            created[0] = true;
            return session;
        });
        return request;
    }

    private static HttpServletRequest request(HttpSession session) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        return request;
    }

    private static AssertionRequest assertion(int challenge) {
        return AssertionRequest.builder().publicKeyCredentialRequestOptions(PublicKeyCredentialRequestOptions.builder()
                .challenge(new ByteArray(new byte[] {(byte) challenge})).build()).build();
    }

    private static PublicKeyCredentialCreationOptions creation() {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(RelyingPartyIdentity.builder().id("example.org").name("Example").build())
                .user(UserIdentity.builder().name("alice").displayName("Alice").id(new ByteArray(new byte[] {1})).build())
                .challenge(new ByteArray(new byte[] {0}))
                .pubKeyCredParams(List.of(PublicKeyCredentialParameters.ES256))
                .build();
    }
}
