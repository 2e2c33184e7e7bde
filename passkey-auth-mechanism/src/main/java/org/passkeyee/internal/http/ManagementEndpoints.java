package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.exception.Base64UrlException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeyDeleted;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyRenamed;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.LogText;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.Names;
import org.passkeyee.internal.security.SessionState;
import org.passkeyee.internal.security.CallerAccounts;

/**
 * The signed-in caller's own passkeys: list, rename, delete. Every operation is scoped to the
 * caller's user handle, so another caller's passkey is simply not found (404), which also does
 * not tell whether it exists. The passkey account of the caller's name counts as theirs only if
 * their sign-in proved it ({@link org.passkeyee.internal.ceremony.SessionSignIn#mayJoin}): another
 * person whom another identity store knows by the same name sees none of its passkeys.
 */
@Singleton
public class ManagementEndpoints {

    private static final Logger LOG = Logger.getLogger(ManagementEndpoints.class.getName());

    private final PasskeyConfiguration configuration;
    private final PasskeyCredentialStore store;
    private final Instance<PasskeyAccounts> accounts;
    private final PasskeySummaries summaries;
    private final Event<PasskeyRenamed> renamed;
    private final Event<PasskeyDeleted> deleted;
    private final JsonRequestReader reader;
    private final CallerAccounts callerAccounts;

    @Inject
    ManagementEndpoints(PasskeyConfiguration configuration, PasskeyCredentialStore store, Instance<PasskeyAccounts> accounts,
                        PasskeySummaries summaries, Event<PasskeyRenamed> renamed, Event<PasskeyDeleted> deleted,
                        CallerAccounts callerAccounts) {
        this.configuration = configuration;
        this.store = store;
        this.accounts = accounts;
        this.summaries = summaries;
        this.renamed = renamed;
        this.deleted = deleted;
        this.reader = new JsonRequestReader(configuration.maxRequestBytes());
        this.callerAccounts = callerAccounts;
    }

    /** {@code GET /credentials}: the caller and their passkeys, as the Signal API needs them. */
    void list(HttpServletRequest request, HttpServletResponse response, String caller) throws IOException {
        Optional<PasskeyUser> user = account(request, caller);
        ObjectNode answer = Json.MAPPER.createObjectNode().put("rpId", configuration.rpId());
        answer.putObject("user")
                .put("id", user.map(u -> u.userHandle().getBase64Url()).orElse(null))
                .put("name", caller)
                .put("displayName", user.map(PasskeyUser::displayName).orElse(caller));
        SessionState.SignInMethod method = SessionState.signedInWith(request);
        answer.put("signedInWith", method == null ? null : method.jsonName());
        answer.put("canAddPasskey", SessionState.signedInWithin(request,
                configuration.reauthenticationWindow(), Instant.now()));
        ArrayNode passkeys = answer.putArray("passkeys");
        user.ifPresent(u -> store.findPasskeys(u.userHandle()).forEach(p -> passkeys.add(summaries.summary(p))));
        JsonAnswers.write(response, HttpServletResponse.SC_OK, answer);
    }

    /** {@code PATCH /credentials/{id}} with {@code {"label"}}; needs a recent sign-in. */
    void rename(HttpServletRequest request, HttpServletResponse response, String caller, String id) throws IOException {
        requireRecentSignIn(request);
        ObjectNode body = reader.readObject(request);
        String label = Names.label(JsonRequestReader.optionalText(body, "label"));
        ByteArray credentialId = credentialId(id);
        PasskeyUser user = owner(request, caller);
        if (!store.rename(user.userHandle(), credentialId, label)) {
            throw new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND);
        }
        LOG.info(() -> "Passkey renamed: caller=" + LogText.header(caller) + " credential=" + LogText.shortId(id));
        renamed.fire(new PasskeyRenamed(caller, id, label));
        ObjectNode summary = store.findPasskey(credentialId).map(summaries::summary)
                .orElseThrow(() -> new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND));
        JsonAnswers.write(response, HttpServletResponse.SC_OK, summary);
    }

    /**
     * {@code DELETE /credentials/{id}}; needs a recent sign-in; the last passkey only if the
     * application says there is another way in.
     */
    void delete(HttpServletRequest request, HttpServletResponse response, String caller, String id) {
        requireRecentSignIn(request);
        ByteArray credentialId = credentialId(id);
        PasskeyUser user = owner(request, caller);
        boolean allowLast = accounts.isResolvable() && accounts.get().hasOtherSignInMethod(caller);
        switch (store.delete(user.userHandle(), credentialId, allowLast)) {
            case DELETED -> {
                LOG.info(() -> "Passkey deleted: caller=" + LogText.header(caller) + " credential=" + LogText.shortId(id));
                deleted.fire(new PasskeyDeleted(caller, id));
                JsonAnswers.noContent(response);
            }
            case NOT_FOUND -> throw new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND);
            case LAST_PASSKEY -> throw new Refusal(PasskeyErrorCode.LAST_PASSKEY);
        }
    }

    private void requireRecentSignIn(HttpServletRequest request) {
        SessionState.requireSignedInWithin(request, configuration.reauthenticationWindow());
    }

    private Optional<PasskeyUser> account(HttpServletRequest request, String caller) {
        return callerAccounts.of(request, caller);
    }

    private PasskeyUser owner(HttpServletRequest request, String caller) {
        return account(request, caller).orElseThrow(() -> new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND));
    }

    private static ByteArray credentialId(String id) {
        try {
            return ByteArray.fromBase64Url(id);
        } catch (Base64UrlException | RuntimeException e) {
            throw new Refusal(PasskeyErrorCode.PASSKEY_NOT_FOUND);
        }
    }
}
