package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeySignInFailed;
import org.passkeyee.PasskeySignInThrottled;
import org.passkeyee.PasskeySignedIn;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.ceremony.InProcessCeremonies;
import org.passkeyee.internal.ceremony.SessionSignIn;
import org.passkeyee.internal.ceremony.pending.BrowserCookies;
import org.passkeyee.internal.config.AttestationPolicy;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.RolePolicy;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.Tamper;

/**
 * Signing in through the container, on the real ceremonies and the passkey identity store behind
 * an identity store handler: who is signed in, what the session records, which events fire, and
 * which refusal answers a failed sign-in (throttling included).
 */
class SignInsTest {

    private static final String ORIGIN = "https://example.com";
    private static final int ALLOWED_FAILURES = 2;

    private final PasskeyConfiguration configuration = new PasskeyConfiguration("example.com", "Example", List.of(ORIGIN),
            UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
            Duration.ofMinutes(5), 65536, 1_000, true, List.of(), ALLOWED_FAILURES, Duration.ofMinutes(5), "");
    private final InProcessCeremonies ceremonies = InProcessCeremonies.of(configuration);
    private final List<Object> events = new ArrayList<>();
    private final SignIns signIns;
    private final SoftwareAuthenticator alicesLaptop = SoftwareAuthenticator.deviceBound();

    SignInsTest() {
        VouchingStores vouchingStores = new VouchingStores(noApplicationStores(), configuration);
        PasskeyIdentityStore passkeyStore = new PasskeyIdentityStore(ceremonies.authentication(), vouchingStores);
        IdentityStoreHandler handler = credential -> credential instanceof UsernamePasswordCredential password
                ? password.compareTo("alice", "secret") ? new CredentialValidationResult("alice", Set.of("staff"))
                        : CredentialValidationResult.INVALID_RESULT
                : passkeyStore.validate(credential);
        signIns = signIns(handler, AuthenticatorPolicy.OPEN);
        ceremonies.addPasskey(browser(true), "alice", new SessionSignIn("none", null), alicesLaptop, ORIGIN);
    }

    private SignIns signIns(IdentityStoreHandler handler, AuthenticatorPolicy policy) {
        return new SignIns(ceremonies.pending(), ceremonies.registration(), handler, new FailedSignIns(configuration),
                recording(), recording(), recording(), new VouchingStores(noApplicationStores(), configuration), policy);
    }

    @Test
    void passkeyWhenTheAnswerVerifiesThenTheCallerIsLoggedInWithANewSessionIdAndTheEventFires() {
        HttpServletRequest request = browser(false);
        HttpMessageContext context = container();

        SignIns.SignedIn signedIn = signIns.passkey(request, context, answer(request, Tamper.none()));

        assertEquals("alice", signedIn.caller());
        assertEquals(AuthenticationStatus.SUCCESS, signedIn.status());
        assertNull(signedIn.newPasskey());
        verify(request).changeSessionId();
        verify(context).setRegisterSession("alice", Set.of());
        assertEquals(SessionState.SignInMethod.PASSKEY, SessionState.signedInWith(request));
        assertTrue(events.stream().anyMatch(PasskeySignedIn.class::isInstance), events.toString());
    }

    @Test
    void passkeyWhenItDoesNotMeetARoleRuleOfTheCallersGroupsThenSignedInWithoutThatGroupOnly() {
        // The laptop was added before alice became an admin: without attestation (format none).
        PasskeyIdentityStore passkeyStore = new PasskeyIdentityStore(ceremonies.authentication(),
                new VouchingStores(noApplicationStores(), configuration));
        IdentityStoreHandler staffAndAdmin = credential -> {
            CredentialValidationResult verified = passkeyStore.validate(credential);
            return new CredentialValidationResult(verified.getCallerPrincipal().getName(), Set.of("staff", "admin"));
        };
        AuthenticatorPolicy adminsNeedAttestedKeys = new AuthenticatorPolicy(Set.of(), Set.of(),
                List.of(new RolePolicy("admin", true, false, false)), AttestationPolicy.NONE, Optional.empty());
        HttpServletRequest request = browser(false);
        HttpMessageContext context = container();

        SignIns.SignedIn signedIn = signIns(staffAndAdmin, adminsNeedAttestedKeys).passkey(request, context, answer(request, Tamper.none()));

        assertEquals("alice", signedIn.caller());
        verify(context).setRegisterSession("alice", Set.of("staff"));
    }

    @Test
    void passkeyWhenTheSignatureIsWrongThenRefusedAs401TheEventFiresAndNobodyIsLoggedIn() {
        HttpServletRequest request = browser(false);
        HttpMessageContext context = container();

        Refusal refusal = assertThrows(Refusal.class,
                () -> signIns.passkey(request, context, answer(request, Tamper.none().corruptSignature())));

        assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, refusal.code());
        assertEquals(401, refusal.status());
        verify(context, never()).notifyContainerAboutLogin(any(CredentialValidationResult.class));
        assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, events.stream().filter(PasskeySignInFailed.class::isInstance)
                .map(PasskeySignInFailed.class::cast).findFirst().orElseThrow().reason());
    }

    @Test
    void passkeyWhenOneMoreFailedGuessThanAllowedThenTooManyFailedSignInsWithAWaitAndTheThrottledEvent() {
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            HttpServletRequest request = browser(false);
            Refusal refusal = assertThrows(Refusal.class,
                    () -> signIns.passkey(request, container(), answer(request, Tamper.none().corruptSignature())));
            assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, refusal.code(), "failure " + (i + 1) + " is still told as it is");
        }
        HttpServletRequest request = browser(false);

        Refusal throttled = assertThrows(Refusal.class,
                () -> signIns.passkey(request, container(), answer(request, Tamper.none().corruptSignature())));

        assertEquals(PasskeyErrorCode.TOO_MANY_FAILED_SIGN_INS, throttled.code());
        assertEquals(429, throttled.status());
        assertTrue(throttled.retryAfter().toSeconds() >= 1, throttled.retryAfter().toString());
        assertEquals(1, events.stream().filter(PasskeySignInThrottled.class::isInstance).count());
    }

    @Test
    void passkeyWhenNoCeremonyIsPendingThenCeremonyNotFoundAndNotCountedAsAGuess() {
        for (int i = 0; i <= ALLOWED_FAILURES; i++) {
            HttpServletRequest request = browser(false);
            ObjectNode replayed = answer(request, Tamper.none());
            request.getSession(false).invalidate();
            Refusal refusal = assertThrows(Refusal.class, () -> signIns.passkey(browser(false), container(), replayed));
            assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
        }
        HttpServletRequest request = browser(false);

        assertEquals("alice", signIns.passkey(request, container(), answer(request, Tamper.none())).caller());
    }

    @Test
    void loginOptionsWhenAStrangerAsksWithoutANameOrForAKnownOrUnknownOneThenOnlyTheSealedCookieNoSession() {
        for (String name : java.util.Arrays.asList(null, "alice", "nobody-by-this-name")) {
            HttpServletRequest request = stranger();

            ceremonies.authentication().start(request, BROWSERS.get(request).response(), name);

            verify(request, never()).getSession(true);
            verify(request, never()).getSession();
            assertTrue(BROWSERS.get(request).value(BrowserCookies.SIGN_IN).isPresent(), String.valueOf(name));
        }
    }

    @Test
    void passkeyWhenAStrangerIsRefusedThenNoSessionIsCreated() {
        HttpServletRequest request = stranger();
        ObjectNode forged = answer(request, Tamper.none().corruptSignature());

        Refusal refusal = assertThrows(Refusal.class, () -> signIns.passkey(request, container(), forged));

        assertEquals(PasskeyErrorCode.INVALID_SIGNATURE, refusal.code());
        verify(request, never()).getSession(true);
        verify(request, never()).getSession();
    }

    @Test
    void passkeyWhenTheSealedSignInIsAnsweredAgainAfterItSignedInThenCeremonyNotFound() {
        HttpServletRequest request = browser(false);
        BrowserCookies cookies = BROWSERS.get(request);
        JsonNode options = ceremonies.signInOptions(request, cookies.response());
        String sealed = cookies.value(BrowserCookies.SIGN_IN).orElseThrow();
        ObjectNode first = alicesLaptop.authenticate(options, ORIGIN);
        ObjectNode second = alicesLaptop.authenticate(options, ORIGIN); // signed anew, its count higher
        assertEquals("alice", signIns.passkey(request, container(), first).caller());
        HttpServletRequest replay = browser(false);
        BROWSERS.get(replay).put(BrowserCookies.SIGN_IN, sealed);

        Refusal refusal = assertThrows(Refusal.class, () -> signIns.passkey(replay, container(), second));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
    }

    @Test
    void passkeyWhenTheSameAnswerOfASyncedPasskeyIsSentAgainThenCeremonyNotFound() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.synced(); // count always 0: the challenge alone refuses it
        ceremonies.addPasskey(browser(true), "alice",
                new SessionSignIn("none", ceremonies.store().findUserByUsername("alice").orElseThrow().userHandle()), phone, ORIGIN);
        HttpServletRequest request = browser(false);
        ObjectNode answer = phone.authenticate(ceremonies.signInOptions(request, BROWSERS.get(request).response()), ORIGIN);
        String sealed = BROWSERS.get(request).value(BrowserCookies.SIGN_IN).orElseThrow();
        assertEquals("alice", signIns.passkey(request, container(), answer).caller());
        HttpServletRequest replay = browser(false);
        BROWSERS.get(replay).put(BrowserCookies.SIGN_IN, sealed);

        Refusal refusal = assertThrows(Refusal.class, () -> signIns.passkey(replay, container(), answer));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
    }

    @Test
    void passkeyWhenTheSameAnswerOfACountingPasskeyIsSentAgainThenCeremonyNotFoundNotACloneWarning() {
        HttpServletRequest request = browser(false);
        ObjectNode answer = answer(request, Tamper.none());
        String sealed = BROWSERS.get(request).value(BrowserCookies.SIGN_IN).orElseThrow();
        assertEquals("alice", signIns.passkey(request, container(), answer).caller());
        HttpServletRequest replay = browser(false);
        BROWSERS.get(replay).put(BrowserCookies.SIGN_IN, sealed);

        Refusal refusal = assertThrows(Refusal.class, () -> signIns.passkey(replay, container(), answer));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
    }

    @Test
    void credentialWhenTheApplicationsStoreValidatesAPasswordThenLoggedInWithItsGroupsAsAPasswordSignIn() {
        HttpServletRequest request = browser(false);
        HttpMessageContext context = container();

        SignIns.SignedIn signedIn = signIns.credential(new UsernamePasswordCredential("alice", "secret"), request, context);

        assertEquals("alice", signedIn.caller());
        verify(context).setRegisterSession("alice", Set.of("staff"));
        assertEquals(SessionState.SignInMethod.PASSWORD, SessionState.signedInWith(request));
        assertNull(signIns.credential(new UsernamePasswordCredential("alice", "wrong"), browser(false), container()));
    }

    @Test
    void refusedUnreadThenTheSameRefusalAndItsEvent() {
        Refusal malformed = new Refusal(PasskeyErrorCode.MALFORMED_REQUEST);

        assertEquals(malformed, signIns.refusedUnread(browser(false), malformed));
        assertEquals(1, events.stream().filter(PasskeySignInFailed.class::isInstance).count());
    }

    /** The authenticator's answer to a sign-in started by {@code request}'s browser (which keeps the sealed ceremony). */
    private ObjectNode answer(HttpServletRequest request, Tamper tamper) {
        return alicesLaptop.authenticate(ceremonies.signInOptions(request, BROWSERS.get(request).response()), ORIGIN, tamper);
    }

    @SuppressWarnings("unchecked")
    private <T> Event<T> recording() {
        Event<T> event = mock(Event.class);
        doAnswer(call -> events.add(call.getArgument(0))).when(event).fire(any());
        return event;
    }

    private static HttpMessageContext container() {
        HttpMessageContext context = mock(HttpMessageContext.class);
        when(context.getResponse()).thenReturn(mock(HttpServletResponse.class));
        when(context.notifyContainerAboutLogin(any(CredentialValidationResult.class))).thenReturn(AuthenticationStatus.SUCCESS);
        when(context.getHandler()).thenReturn(callbacks -> { });
        return context;
    }

    private static BeanManager noApplicationStores() {
        BeanManager beans = mock(BeanManager.class);
        when(beans.getBeans(IdentityStore.class, Any.Literal.INSTANCE)).thenReturn(Set.of());
        return beans;
    }

    /** The cookie jar of each browser's request. */
    private static final Map<HttpServletRequest, BrowserCookies> BROWSERS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** A browser's request with cookies and a session of its own (a map behind a mock); signed in or not. */
    private static HttpServletRequest browser(boolean signedIn) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(session).removeAttribute(anyString());
        doAnswer(call -> {
            attributes.clear();
            return null;
        }).when(session).invalidate();
        when(session.getId()).thenReturn("session-" + System.identityHashCode(attributes));
        when(session.isNew()).thenReturn(false);
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        when(request.getRemoteAddr()).thenReturn("192.0.2.1");
        ServletContext servletContext = mock(ServletContext.class);
        when(servletContext.getSessionTimeout()).thenReturn(30);
        when(request.getServletContext()).thenReturn(servletContext);
        if (signedIn) {
            when(request.getUserPrincipal()).thenReturn(() -> "alice");
        }
        BrowserCookies cookies = new BrowserCookies();
        BROWSERS.put(cookies.attachTo(request), cookies);
        return request;
    }

    /** A stranger's first request: cookies of its own, and no session until something asks for one. */
    private static HttpServletRequest stranger() {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn("192.0.2.1");
        BrowserCookies cookies = new BrowserCookies();
        BROWSERS.put(cookies.attachTo(request), cookies);
        return request;
    }
}
