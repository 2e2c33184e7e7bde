package org.passkeyee.internal.ceremony.interop;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/** TEST-ONLY: a request of a signed-in caller whose session keeps its attributes, for the pending ceremonies. */
final class SessionRequest {

    private SessionRequest() {
    }

    /** A request of {@code caller}, with a session of its own. */
    static HttpServletRequest of(String caller) {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = mock(HttpSession.class);
        when(session.getId()).thenReturn("interop-" + caller);
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(session).removeAttribute(anyString());
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(anyBoolean())).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        Principal principal = () -> caller;
        when(request.getUserPrincipal()).thenReturn(principal);
        return request;
    }
}
