package org.passkeyee.internal.ceremony.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
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
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.TestClock;

/**
 * Pending ceremonies: a stranger's sealed into the browser's cookies, no session created; a
 * signed-in caller's in the session; each taken once, expiring.
 */
class PendingCeremoniesTest {

    private static final byte[] KEY = "the ceremony key of this test, 32 bytes and more".getBytes(StandardCharsets.UTF_8);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final PendingCeremonies ceremonies = new PendingCeremonies(Duration.ofMinutes(5),
            new CeremonySeal(KEY, Optional.empty(), "example.org"), "/passkey", clock);
    private final BrowserCookies browser = new BrowserCookies();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final HttpSession session = session(attributes);
    private final HttpServletRequest signedIn = browser.attachTo(signedInRequest(session));

    @Test
    void putSignInWhenAStrangerAsksThenTheBrowserCarriesItAndNoSessionIsCreated() {
        HttpServletRequest stranger = browser.request();

        ceremonies.putSignIn(stranger, browser.response(), assertion(0), null);
        ceremonies.putSignUp(stranger, browser.response(), creation(), "bob");

        verify(stranger, never()).getSession(true);
        verify(stranger, never()).getSession();
        assertTrue(browser.value(BrowserCookies.SIGN_IN).isPresent());
        assertTrue(browser.value(BrowserCookies.SIGN_UP).isPresent());
    }

    @Test
    void putSignInThenAnHttpOnlyStrictCookieOfTheEndpointsLivingJustLongerThanTheCeremony() {
        HttpServletRequest stranger = browser.request();
        when(stranger.getContextPath()).thenReturn("/shop");
        when(stranger.isSecure()).thenReturn(true);

        ceremonies.putSignIn(stranger, browser.response(), assertion(0), null);

        Cookie cookie = browser.set().get(0);
        assertEquals(BrowserCookies.SIGN_IN, cookie.getName());
        assertEquals("/shop/passkey", cookie.getPath());
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.getSecure());
        assertEquals("Strict", cookie.getAttribute("SameSite"));
        assertEquals(360, cookie.getMaxAge());
    }

    @Test
    void putSignInWhenTheRequestIsNotSecureThenTheCookieIsNotSecureEither() {
        ceremonies.putSignIn(browser.request(), browser.response(), assertion(0), null);

        assertFalse(browser.set().get(0).getSecure());
    }

    @Test
    void takeSignInWhenStartedThenReturnedAndTheBrowserToldToForgetIt() {
        HttpServletRequest stranger = browser.request();
        ceremonies.putSignIn(stranger, browser.response(), assertion(7), "alice");

        PendingCeremony taken = ceremonies.takeSignIn(stranger, browser.response());

        assertEquals(assertion(7), taken.assertionRequest());
        assertEquals("alice", taken.username());
        assertEquals(0, browser.set().get(browser.set().size() - 1).getMaxAge());
        assertEquals(Optional.empty(), browser.value(BrowserCookies.SIGN_IN));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(stranger, browser.response()));
        verify(stranger, never()).getSession(anyBoolean());
    }

    @Test
    void takeWhenTheBrowserCarriesNothingThenNotFound() {
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(browser.request(), browser.response()));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignUp(browser.request(), browser.response()));
    }

    @Test
    void takeSignInWhenTheCookieIsChangedOrJunkThenNotFoundAndForgotten() {
        ceremonies.putSignIn(browser.request(), browser.response(), assertion(0), null);
        String sealed = browser.value(BrowserCookies.SIGN_IN).orElseThrow();
        for (String changed : List.of(sealed.substring(1), "x" + sealed.substring(1), "", "%%%", "A".repeat(10_000))) {
            browser.put(BrowserCookies.SIGN_IN, changed);

            assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(browser.request(), browser.response()));
            assertEquals(Optional.empty(), browser.value(BrowserCookies.SIGN_IN));
        }
    }

    @Test
    void takeSignUpWhenTheBrowserCarriesASignInInItsPlaceThenNotFound() {
        ceremonies.putSignIn(browser.request(), browser.response(), assertion(0), null);
        browser.put(BrowserCookies.SIGN_UP, browser.value(BrowserCookies.SIGN_IN).orElseThrow());

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignUp(browser.request(), browser.response()));
    }

    @Test
    void takeWhenSealedUnderAnotherKeyThenNotFound() {
        PendingCeremonies otherServer = new PendingCeremonies(Duration.ofMinutes(5),
                new CeremonySeal("another server's own random key of 32 bytes".getBytes(StandardCharsets.UTF_8), Optional.empty(),
                        "example.org"), "/passkey", clock);
        otherServer.putSignIn(browser.request(), browser.response(), assertion(0), null);

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(browser.request(), browser.response()));
    }

    @Test
    void takeSignInWhenOlderThanTheTimeoutThenExpiredAndForgotten() {
        ceremonies.putSignIn(browser.request(), browser.response(), assertion(0), null);
        clock.advance(Duration.ofMinutes(5));

        assertRefused(PasskeyErrorCode.CEREMONY_EXPIRED, () -> ceremonies.takeSignIn(browser.request(), browser.response()));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(browser.request(), browser.response()));
    }

    @Test
    void takeSignUpWhenJustBeforeTheTimeoutThenAccepted() {
        ceremonies.putSignUp(browser.request(), browser.response(), creation(), "bob");
        clock.advance(Duration.ofMinutes(5).minusMillis(1));

        assertEquals("bob", ceremonies.takeSignUp(browser.request(), browser.response()).username());
    }

    @Test
    void putSignUpWhenAnAdditionIsPendingInTheSessionThenItReplacesIt() {
        ceremonies.putAddition(signedIn, browser.response(), creation(), "alice", false);

        ceremonies.putSignUp(signedIn, browser.response(), creation(), "bob");

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeAddition(signedIn));
        assertTrue(ceremonies.isSignUpPending(browser.request()));
    }

    @Test
    void isSignUpPendingWhenTheCallerIsSignedInThenNeverWhateverCookieTheyCarry() {
        browser.put(BrowserCookies.SIGN_UP, "left over, or set by a sibling domain");

        assertFalse(ceremonies.isSignUpPending(signedIn));
        assertTrue(ceremonies.isSignUpPending(browser.request()));
    }

    @Test
    void putAdditionWhenTheBrowserCarriesASignUpThenItIsForgottenAndNoSignUpIsPending() {
        ceremonies.putSignUp(signedIn, browser.response(), creation(), "bob");

        ceremonies.putAddition(signedIn, browser.response(), creation(), "alice", true);

        assertFalse(ceremonies.isSignUpPending(signedIn));
        PendingCeremony addition = ceremonies.takeAddition(signedIn);
        assertEquals(PendingCeremony.Kind.ADD_PASSKEY, addition.kind());
        assertTrue(addition.conditional());
    }

    @Test
    void takeAdditionWhenStartedThenReturnedOnceAndGone() {
        ceremonies.putAddition(signedIn, browser.response(), creation(), "alice", false);

        assertEquals("alice", ceremonies.takeAddition(signedIn).username());
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeAddition(signedIn));
    }

    @Test
    void takeFromTheSessionWhenNoSessionOrNothingStartedThenNotFound() {
        HttpServletRequest withoutSession = mock(HttpServletRequest.class);

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeStepUp(withoutSession));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeAddition(withoutSession));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeStepUp(signedIn));
        verify(withoutSession, never()).getSession(true);
    }

    @Test
    void takeStepUpWhenOlderThanTheTimeoutThenExpiredAndStillGone() {
        ceremonies.putStepUp(signedIn, assertion(0), "alice");
        clock.advance(Duration.ofMinutes(5));

        assertRefused(PasskeyErrorCode.CEREMONY_EXPIRED, () -> ceremonies.takeStepUp(signedIn));
        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeStepUp(signedIn));
    }

    @Test
    void takeSignInWhenOnlyAStepUpIsPendingThenNotFoundAndTheStepUpStays() {
        ceremonies.putStepUp(signedIn, assertion(3), "alice");

        assertRefused(PasskeyErrorCode.CEREMONY_NOT_FOUND, () -> ceremonies.takeSignIn(signedIn, browser.response()));
        assertEquals(assertion(3), ceremonies.takeStepUp(signedIn).assertionRequest());
    }

    @Test
    void putStepUpWhenANewerOneStartsThenItReplacesTheOlder() {
        ceremonies.putStepUp(signedIn, assertion(1), "alice");
        ceremonies.putStepUp(signedIn, assertion(2), "alice");

        assertEquals(assertion(2), ceremonies.takeStepUp(signedIn).assertionRequest());
    }

    @Test
    void takeStepUpWhenManyThreadsRaceForOneCeremonyThenExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 200; round++) {
                ceremonies.putStepUp(signedIn, assertion(0), "alice");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            ceremonies.takeStepUp(signedIn);
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

    private static HttpSession session(Map<String, Object> attributes) {
        HttpSession session = mock(HttpSession.class);
        when(session.getId()).thenReturn("session-1");
        when(session.getAttribute(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.doAnswer(call -> attributes.remove(call.<String>getArgument(0)))
                .when(session).removeAttribute(org.mockito.ArgumentMatchers.anyString());
        return session;
    }

    private static HttpServletRequest signedInRequest(HttpSession session) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        when(request.getUserPrincipal()).thenReturn(() -> "alice");
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
