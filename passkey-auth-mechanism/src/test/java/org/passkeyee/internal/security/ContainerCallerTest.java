package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.Test;

/**
 * The caller's groups as the container holds them, against a callback handler that behaves as
 * Payara's does: naming a caller adds the groups its realm knows for that name, a group callback
 * without groups removes every group, one with groups adds them.
 */
class ContainerCallerTest {

    /** The server's file realm: a user named like the passkey account, in the group admin. */
    private static final Map<String, Set<String>> REALM = Map.of("jdoe", Set.of("admin"));

    @Test
    void signInWhenTheServerRealmKnowsTheNameThenTheCallerHasTheStoresGroupsOnly() {
        Subject subject = new Subject();
        HttpMessageContext context = payaraLike(subject);
        CredentialValidationResult result = new CredentialValidationResult(new CallerPrincipal("jdoe"), Set.of("user"));
        when(context.notifyContainerAboutLogin(any(CredentialValidationResult.class))).thenAnswer(call -> {
            // As Soteria does: the caller and the result's groups in one call.
            context.getHandler().handle(new Callback[]{new CallerPrincipalCallback(subject, result.getCallerPrincipal()),
                    new GroupPrincipalCallback(subject, result.getCallerGroups().toArray(String[]::new))});
            return AuthenticationStatus.SUCCESS;
        });

        assertEquals(AuthenticationStatus.SUCCESS, ContainerCaller.signIn(context, result));

        assertEquals(Set.of("user"), groupsOf(subject));
    }

    @Test
    void signInWhenTheStoresGiveNoGroupsThenTheCallerHasNoneThoughTheRealmHas() {
        Subject subject = new Subject();
        HttpMessageContext context = payaraLike(subject);
        when(context.notifyContainerAboutLogin(any(CredentialValidationResult.class))).thenAnswer(call -> {
            context.getHandler().handle(new Callback[]{new CallerPrincipalCallback(subject, new CallerPrincipal("jdoe"))});
            return AuthenticationStatus.SUCCESS;
        });

        ContainerCaller.signIn(context, new CredentialValidationResult("jdoe"));

        assertEquals(Set.of(), groupsOf(subject));
    }

    @Test
    void continueSessionWhenTheServerRealmKnowsTheNameThenTheSessionsGroupsOnly() {
        Subject subject = new Subject();

        ContainerCaller.continueSession(payaraLike(subject), new CallerPrincipal("jdoe"), new String[]{"user", "staff"}, false);

        assertEquals(Set.of("user", "staff"), groupsOf(subject));
    }

    @Test
    void continueSessionWhenTheModuleRecordedNoGroupsThenTheContainersAreLeft() {
        Subject subject = new Subject();

        ContainerCaller.continueSession(payaraLike(subject), new CallerPrincipal("jdoe"), null, false);

        assertEquals(Set.of("admin"), groupsOf(subject));
    }

    @Test
    void continueSessionWhenTheAccountsStoreIsTheApplicationsRealmThenItsGroupsBesideTheRecordedOnes() {
        Subject subject = new Subject();

        ContainerCaller.continueSession(payaraLike(subject), new CallerPrincipal("jdoe"), new String[]{"user"}, true);

        assertEquals(Set.of("user", "admin"), groupsOf(subject));
    }

    private static HttpMessageContext payaraLike(Subject subject) {
        HttpMessageContext context = mock(HttpMessageContext.class);
        when(context.getClientSubject()).thenReturn(subject);
        CallbackHandler handler = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof CallerPrincipalCallback caller) {
                    caller.getSubject().getPrincipals().add(caller.getPrincipal());
                    REALM.getOrDefault(caller.getPrincipal().getName(), Set.of())
                            .forEach(group -> caller.getSubject().getPrincipals().add(new Group(group)));
                } else if (callback instanceof GroupPrincipalCallback groups && groups.getGroups() == null) {
                    groups.getSubject().getPrincipals().removeIf(Group.class::isInstance);
                } else if (callback instanceof GroupPrincipalCallback groups) {
                    Arrays.stream(groups.getGroups()).forEach(group -> groups.getSubject().getPrincipals().add(new Group(group)));
                }
            }
        };
        when(context.getHandler()).thenReturn(handler);
        return context;
    }

    private static Set<String> groupsOf(Subject subject) {
        return subject.getPrincipals(Group.class).stream().map(Group::getName).collect(Collectors.toSet());
    }

    /** A group principal, as the container keeps groups in the caller's subject. */
    private record Group(String getName) implements Principal {
    }
}
