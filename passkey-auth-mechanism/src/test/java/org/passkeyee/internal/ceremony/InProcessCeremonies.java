package org.passkeyee.internal.ceremony;

import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.config.CeremonyKey;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.testsupport.SoftwareAuthenticator;

/**
 * TEST-ONLY: both ceremonies wired as the extension wires them, on an in-memory store, for the
 * layers above them to be tested with the real thing underneath.
 *
 * @param store          the credential store
 * @param pending        the pending ceremonies
 * @param authentication the sign-in ceremony
 * @param registration   the registration ceremony
 */
public record InProcessCeremonies(InMemoryPasskeyStore store, PendingCeremonies pending,
                                  AuthenticationCeremony authentication, RegistrationCeremony registration) {

    /** The {@code passkey.ceremony-key} of every in-process ceremony. */
    public static final CeremonyKey CEREMONY_KEY = CeremonyKey.of(
            Optional.of("in-process ceremonies: a test key of more than 32 bytes"), Optional.empty());

    /** The ceremonies for {@code configuration}, without an application {@link PasskeyAccounts}. */
    public static InProcessCeremonies of(PasskeyConfiguration configuration) {
        return of(configuration, AuthenticatorPolicy.OPEN, AuthenticatorMetadata.none());
    }

    /** The ceremonies for {@code configuration} under an authenticator policy and its metadata. */
    public static InProcessCeremonies of(PasskeyConfiguration configuration, AuthenticatorPolicy policy, AuthenticatorMetadata metadata) {
        return of(configuration, policy, metadata, Clock.systemUTC());
    }

    /**
     * The ceremonies for {@code configuration} under an authenticator policy and its metadata,
     * attestation certificate chains checked at the time {@code attestationClock} tells.
     */
    @SuppressWarnings("unchecked")
    public static InProcessCeremonies of(PasskeyConfiguration configuration, AuthenticatorPolicy policy, AuthenticatorMetadata metadata,
                                         Clock attestationClock) {
        InMemoryPasskeyStore store = new InMemoryPasskeyStore();
        PendingCeremonies pending = new PendingCeremonies(configuration, CEREMONY_KEY);
        Instance<PasskeyAccounts> noAccounts = mock(Instance.class);
        return new InProcessCeremonies(store, pending,
                new AuthenticationCeremony(configuration, store, pending, new DecoyCredentials(new byte[32]), noAccounts, metadata),
                new RegistrationCeremony(configuration, store, pending, noAccounts, mock(Event.class),
                        new AuthenticatorNames(AuthenticatorMetadata.none()), policy, metadata, attestationClock));
    }

    /**
     * Gives {@code caller}, signed in with a password on {@code request}, a passkey of
     * {@code authenticator}, as {@code POST /register} does.
     */
    public void addPasskey(HttpServletRequest request, String caller, SessionSignIn signIn, SoftwareAuthenticator authenticator,
                           String origin) {
        JsonNode options = Json.MAPPER.valueToTree(registration.startAddPasskey(request, mock(HttpServletResponse.class), caller,
                signIn, false));
        registration.completeAddition(request, caller, signIn, authenticator.register(options, origin), null);
    }

    /**
     * The options of a usernameless sign-in started on {@code request}, as the browser gets them;
     * {@code response} gets the sealed ceremony.
     */
    public JsonNode signInOptions(HttpServletRequest request, HttpServletResponse response) {
        return Json.MAPPER.valueToTree(authentication.start(request, response, null));
    }
}
