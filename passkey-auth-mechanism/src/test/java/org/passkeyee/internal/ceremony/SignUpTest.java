package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.ceremony.pending.BrowserCookies;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * A stranger's sign-up, its ceremony sealed into the browser: it creates no session, completes
 * once, and its sealed state sent again (with the same passkey or a new one) is a used ceremony,
 * not a taken name.
 */
class SignUpTest {

    private static final String ORIGIN = "https://example.com";

    private final InMemoryPasskeyStore store = new InMemoryPasskeyStore();
    private final RegistrationCeremony registration;
    private final BrowserCookies browser = new BrowserCookies();

    @SuppressWarnings("unchecked")
    SignUpTest() {
        PasskeyConfiguration configuration = new PasskeyConfiguration("example.com", "Example", List.of(ORIGIN),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", true, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 1_000, true, List.of(), 5, Duration.ofMinutes(5), "");
        Instance<PasskeyAccounts> accounts = mock(Instance.class);
        when(accounts.isResolvable()).thenReturn(true);
        when(accounts.get()).thenReturn(new PasskeyAccounts() {
            @Override
            public boolean isUsernameAvailable(String username) {
                return true;
            }
        });
        registration = new RegistrationCeremony(configuration, store,
                new PendingCeremonies(configuration, InProcessCeremonies.CEREMONY_KEY), accounts, mock(Event.class),
                new AuthenticatorNames(AuthenticatorMetadata.none()), AuthenticatorPolicy.OPEN, AuthenticatorMetadata.none());
    }

    @Test
    void signUpWhenAStrangerStartsAndCompletesThenTheAccountAndNoSession() {
        HttpServletRequest stranger = browser.request();
        JsonNode options = Json.MAPPER.valueToTree(registration.startSignUp(stranger, browser.response(), "bob", "Bob"));

        NewAccount account = registration.completeSignUp(stranger, browser.response(),
                SoftwareAuthenticator.synced().register(options, ORIGIN), null);

        assertEquals("bob", account.username());
        assertTrue(store.findUserByUsername("bob").isPresent());
        verify(stranger, never()).getSession(true);
        verify(stranger, never()).getSession();
        assertEquals(java.util.Optional.empty(), browser.value(BrowserCookies.SIGN_UP), "forgotten once taken");
    }

    @Test
    void signUpWhenTheSealedStateIsSentAgainWithAnotherNewPasskeyThenCeremonyNotFoundNotUsernameTaken() {
        JsonNode options = Json.MAPPER.valueToTree(registration.startSignUp(browser.request(), browser.response(), "bob", null));
        String sealed = browser.value(BrowserCookies.SIGN_UP).orElseThrow();
        registration.completeSignUp(browser.request(), browser.response(), SoftwareAuthenticator.synced().register(options, ORIGIN), null);
        int stored = store.passkeyCount();
        BrowserCookies replaying = new BrowserCookies();
        replaying.put(BrowserCookies.SIGN_UP, sealed);

        Refusal refusal = assertThrows(Refusal.class, () -> registration.completeSignUp(replaying.request(), replaying.response(),
                SoftwareAuthenticator.synced().register(options, ORIGIN), null));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
        assertEquals(400, refusal.status());
        assertEquals(stored, store.passkeyCount(), "nothing stored");
    }

    @Test
    void signUpWhenTheSameAnswerIsSentAgainThenCeremonyNotFound() {
        JsonNode options = Json.MAPPER.valueToTree(registration.startSignUp(browser.request(), browser.response(), "bob", null));
        String sealed = browser.value(BrowserCookies.SIGN_UP).orElseThrow();
        JsonNode answer = SoftwareAuthenticator.synced().register(options, ORIGIN);
        registration.completeSignUp(browser.request(), browser.response(), answer, null);
        browser.put(BrowserCookies.SIGN_UP, sealed);

        Refusal refusal = assertThrows(Refusal.class,
                () -> registration.completeSignUp(browser.request(), browser.response(), answer, null));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
    }

    @Test
    void signUpWhenTheBrowserBringsNoSealedStateThenCeremonyNotFound() {
        JsonNode options = Json.MAPPER.valueToTree(registration.startSignUp(browser.request(), browser.response(), "bob", null));
        BrowserCookies other = new BrowserCookies();

        Refusal refusal = assertThrows(Refusal.class, () -> registration.completeSignUp(other.request(), other.response(),
                SoftwareAuthenticator.synced().register(options, ORIGIN), null));

        assertEquals(PasskeyErrorCode.CEREMONY_NOT_FOUND, refusal.code());
    }
}
