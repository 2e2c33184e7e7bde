package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyAccountDeleted;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.security.SessionState;
import org.passkeyee.internal.shared.Refusal;

/** Offboarding by name deletes the account of exactly that name, even where the store ignores case. */
class AccountEndpointsTest {

    private static final ByteArray JDOE = new ByteArray(new byte[64]);

    private final PasskeyCredentialStore store = mock(PasskeyCredentialStore.class);
    private final AccountEndpoints endpoints;

    @SuppressWarnings("unchecked")
    AccountEndpointsTest() {
        PasskeyConfiguration configuration = new PasskeyConfiguration("example.com", "Example", List.of("https://example.com"),
                UserVerificationPolicy.PREFERRED, Duration.ofMinutes(5), "/passkey", false, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 1_000_000, true, List.of(), 5, Duration.ofMinutes(5), "admin");
        endpoints = new AccountEndpoints(configuration, store, mock(Instance.class), mock(Event.class));
        when(store.findUserByUsername(anyString())).thenReturn(Optional.of(
                new PasskeyUser("jdoe", "J. Doe", JDOE, Instant.EPOCH, "org.example.StaffDirectory")));
    }

    @Test
    void deleteAccountWhenTheStoreAnswersANameThatDiffersInCaseThen404AndNothingDeleted() throws IOException {
        Refusal refusal = assertThrows(Refusal.class, () -> endpoints.deleteAccount(adminAsking("JDoe"),
                mock(HttpServletResponse.class), "admin"));

        assertEquals(PasskeyErrorCode.ACCOUNT_NOT_FOUND, refusal.code());
        verify(store, never()).deleteUser(any());
    }

    @Test
    void deleteAccountWhenTheNameIsExactThenDeleted() throws IOException {
        when(store.deleteUser(JDOE)).thenReturn(true);

        endpoints.deleteAccount(adminAsking("jdoe"), mock(HttpServletResponse.class), "admin");

        verify(store).deleteUser(JDOE);
    }

    /** A request of an administrator who signed in just now, asking to delete {@code username}. */
    private static HttpServletRequest adminAsking(String username) throws IOException {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.isUserInRole("admin")).thenReturn(true);
        SessionState.markSteppedUp(request, Instant.now(), true);
        byte[] body = ("{\"username\":\"" + username + "\"}").getBytes(StandardCharsets.UTF_8);
        when(request.getContentType()).thenReturn("application/json");
        when(request.getContentLengthLong()).thenReturn((long) body.length);
        when(request.getInputStream()).thenReturn(new ServletBody(body));
        return request;
    }
}
