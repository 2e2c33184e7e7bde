package org.passkeyee.internal.security;

import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Tells the container who the caller is, with exactly the groups the module decided and no
 * others.
 *
 * <p>Payara (Server and Micro, 6 and 7) adds the groups its realm knows for the caller's name
 * whenever a mechanism names the caller ({@code JaspicToJaasBridge.addRealmGroupsToSubject},
 * called for every {@link CallerPrincipalCallback}), whatever the mechanism's stores decided: a
 * passkey account named like a user of the server's file realm would inherit that user's groups.
 * A {@link GroupPrincipalCallback} without groups ({@code null}, as JASPIC defines it) removes
 * every group the caller's subject holds, so each time the caller is named, the subject is
 * emptied of groups and given the module's. Containers that add no groups of their own (WildFly's
 * Elytron) ignore the empty callback.
 */
public final class ContainerCaller {

    private ContainerCaller() {
    }

    /**
     * Signs the caller in through Jakarta Security ({@link HttpMessageContext#notifyContainerAboutLogin}),
     * then leaves them the result's groups only, unless they keep the container's realm groups
     * ({@link VouchingStores#realmGroupsFromContainer}: an account a Payara realm store of the
     * application's realm vouched for).
     */
    static AuthenticationStatus signIn(HttpMessageContext context, CredentialValidationResult result,
                                       boolean keepContainerRealmGroups) {
        AuthenticationStatus status = context.notifyContainerAboutLogin(result);
        if (!keepContainerRealmGroups) {
            Set<String> groups = result.getCallerGroups();
            handle(context, onlyGroups(context.getClientSubject(), groups.toArray(String[]::new)));
        }
        return status;
    }

    /** {@link #signIn(HttpMessageContext, CredentialValidationResult, boolean)} with the result's groups only. */
    static AuthenticationStatus signIn(HttpMessageContext context, CredentialValidationResult result) {
        return signIn(context, result, false);
    }

    /**
     * Names the caller of a session signed in before, with the groups recorded at its sign-in
     * (or its last re-check); {@code null} groups: the module did not record any, and leaves the
     * container's; {@code keepContainerRealmGroups}: the container's realm groups stay beside them.
     */
    public static AuthenticationStatus continueSession(HttpMessageContext context, Principal caller, String[] groups,
                                                       boolean keepContainerRealmGroups) {
        // The groups too, on every request: Payara 6 otherwise looks them up in a thread-local that
        // concurrent requests can clear (payara/Payara#6145, fixed in Payara 7 only), and the caller gets a 403.
        Subject subject = context.getClientSubject();
        Callback principal = new CallerPrincipalCallback(subject, caller);
        Callback[] callbacks = groups == null ? new Callback[]{principal}
                : keepContainerRealmGroups ? new Callback[]{principal, new GroupPrincipalCallback(subject, groups)}
                : prepend(principal, onlyGroups(subject, groups));
        handle(context, callbacks);
        return AuthenticationStatus.SUCCESS;
    }

    /** Remove every group, then add these (none when empty). */
    private static Callback[] onlyGroups(Subject subject, String[] groups) {
        Callback none = new GroupPrincipalCallback(subject, null);
        return groups.length == 0 ? new Callback[]{none} : new Callback[]{none, new GroupPrincipalCallback(subject, groups)};
    }

    private static Callback[] prepend(Callback first, Callback[] rest) {
        Callback[] all = new Callback[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** @throws IllegalStateException when the container refuses a callback JASPIC requires it to handle */
    private static void handle(HttpMessageContext context, Callback[] callbacks) {
        try {
            context.getHandler().handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("The container refused the caller or their groups", e);
        }
    }
}
