package org.passkeyee.internal.ceremony;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.passkeyee.PasskeyAccounts;
import org.passkeyee.PasskeyUser;
import org.passkeyee.PasskeyConfiguration;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.StoredPasskey;
import org.passkeyee.UserVerificationPolicy;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;
import org.passkeyee.internal.ceremony.pending.BrowserCookies;
import org.passkeyee.internal.ceremony.pending.PendingCeremonies;
import org.passkeyee.internal.config.AuthenticatorPolicy;
import org.passkeyee.internal.ceremony.pending.PendingCeremony;
import org.passkeyee.testsupport.SoftwareAuthenticator;
import org.passkeyee.testsupport.Tamper;

/**
 * TEST-ONLY: both ceremonies in-process, as the endpoints run them, on an in-memory store: a
 * valid registration or sign-in made by the software authenticator, ready to be mutated and
 * finished. One harness per fuzz run; every input gets a fresh pending ceremony.
 */
final class CeremonyHarness {

    static final String ORIGIN = "https://example.com";
    static final String CALLER = "fuzzed-caller";
    /** The caller signed in with a password that one store of the application validated. */
    static final SessionSignIn PASSWORD_SIGN_IN = new SessionSignIn("org.example.PasswordStore", null);

    /** The decoys the harness's sign-ins offer: the same for the same name in every harness. */
    static final DecoyCredentials DECOYS = new DecoyCredentials(new byte[32]);

    final InMemoryPasskeyStore store;
    /** The application's accounts: every name available, every caller allowed in. */
    final PasskeyAccounts accounts = mock(PasskeyAccounts.class);
    private final PendingCeremonies pendingCeremonies;
    private final AuthenticationCeremony authentication;
    private final RegistrationCeremony registration;
    private final SoftwareAuthenticator authenticator;

    CeremonyHarness() {
        this(new InMemoryPasskeyStore());
    }

    /** A harness on {@code store}. */
    CeremonyHarness(InMemoryPasskeyStore store) {
        this(AuthenticatorPolicy.OPEN, AuthenticatorMetadata.none(), SoftwareAuthenticator.deviceBound(), store,
                UserVerificationPolicy.PREFERRED);
    }

    /**
     * A harness under an authenticator policy and its metadata; {@code authenticator} registers
     * the caller's first passkey, which the sign-ins use.
     */
    CeremonyHarness(AuthenticatorPolicy policy, AuthenticatorMetadata metadata, SoftwareAuthenticator authenticator) {
        this(policy, metadata, authenticator, new InMemoryPasskeyStore(), UserVerificationPolicy.PREFERRED);
    }

    /** A harness whose configuration asks for user verification as {@code userVerification} says. */
    CeremonyHarness(UserVerificationPolicy userVerification) {
        this(AuthenticatorPolicy.OPEN, AuthenticatorMetadata.none(), SoftwareAuthenticator.deviceBound(), new InMemoryPasskeyStore(),
                userVerification);
    }

    @SuppressWarnings("unchecked")
    private CeremonyHarness(AuthenticatorPolicy policy, AuthenticatorMetadata metadata, SoftwareAuthenticator authenticator,
                            InMemoryPasskeyStore store, UserVerificationPolicy userVerification) {
        this.authenticator = authenticator;
        this.store = store;
        PasskeyConfiguration configuration = new PasskeyConfiguration("example.com", "Example", List.of(ORIGIN),
                userVerification, Duration.ofMinutes(5), "/passkey", true, "/login.html", "/",
                Duration.ofMinutes(5), 65536, 1_000_000, true, List.of(), 5, Duration.ofMinutes(5), "");
        pendingCeremonies = new PendingCeremonies(configuration, InProcessCeremonies.CEREMONY_KEY);
        when(accounts.maySignIn(anyString())).thenReturn(true);
        when(accounts.isUsernameAvailable(anyString())).thenReturn(true);
        when(accounts.reserveUsername(anyString())).thenReturn(true);
        Instance<PasskeyAccounts> application = mock(Instance.class);
        when(application.isResolvable()).thenReturn(true);
        when(application.get()).thenReturn(accounts);
        authentication = new AuthenticationCeremony(configuration, store, pendingCeremonies, DECOYS, application, metadata);
        registration = new RegistrationCeremony(configuration, store, pendingCeremonies, application, mock(Event.class),
                new AuthenticatorNames(metadata), policy, metadata);
        HttpServletRequest request = signedInRequest();
        JsonNode options = Json.MAPPER.valueToTree(registration.startAddPasskey(request, mock(HttpServletResponse.class), CALLER,
                PASSWORD_SIGN_IN, false));
        registration.completeAddition(request, CALLER, PASSWORD_SIGN_IN, authenticator.register(options, ORIGIN), "Seed");
    }

    /** A sign-in ready to finish: its pending ceremony and the authenticator's valid answer. */
    SignIn newSignIn(boolean usernameFirst) {
        return newSignIn(usernameFirst, Tamper.none());
    }

    /** A sign-in ready to finish, its answer made with {@code tamper}; its ceremony went through the browser, sealed. */
    SignIn newSignIn(boolean usernameFirst, Tamper tamper) {
        BrowserCookies browser = new BrowserCookies();
        HttpServletRequest request = browser.request();
        JsonNode options = Json.MAPPER.valueToTree(authentication.start(request, browser.response(), usernameFirst ? CALLER : null));
        PendingCeremony pending = pendingCeremonies.takeSignIn(request, browser.response());
        return new SignIn(pending, authenticator.authenticate(options, ORIGIN, tamper));
    }

    /** The cookie value a browser gets with the options of a sign-in, usernameless or not. */
    String sealedSignIn(boolean usernameFirst) {
        BrowserCookies browser = new BrowserCookies();
        authentication.start(browser.request(), browser.response(), usernameFirst ? CALLER : null);
        return browser.value(BrowserCookies.SIGN_IN).orElseThrow();
    }

    /** The sign-in a browser carrying {@code sealed} as its sign-in cookie brings back. */
    PendingCeremony takeSealedSignIn(String sealed) {
        BrowserCookies browser = new BrowserCookies();
        browser.put(BrowserCookies.SIGN_IN, sealed);
        return pendingCeremonies.takeSignIn(browser.request(), browser.response());
    }

    /** Finishes a sign-in with {@code response} as the browser's JSON. */
    VerifiedSignIn finish(SignIn signIn, String response) {
        return authentication.finish(signIn.pending(), parsed(response));
    }

    /** A registration ready to finish: the request holding its pending ceremony and a valid answer. */
    Registration newRegistration() {
        return newRegistration(SoftwareAuthenticator.deviceBound());
    }

    /** A registration by {@code by} of the caller in these container roles, ready to finish. */
    Registration newRegistration(SoftwareAuthenticator by, String... roles) {
        HttpServletRequest request = signedInRequest(roles);
        JsonNode options = Json.MAPPER.valueToTree(registration.startAddPasskey(request, mock(HttpServletResponse.class), CALLER,
                PASSWORD_SIGN_IN, false));
        return new Registration(request, options, by.register(options, ORIGIN));
    }

    /** A registration by {@code by}, its answer made with {@code tamper}, ready to finish. */
    Registration newRegistration(SoftwareAuthenticator by, Tamper tamper) {
        HttpServletRequest request = signedInRequest();
        JsonNode options = Json.MAPPER.valueToTree(registration.startAddPasskey(request, mock(HttpServletResponse.class), CALLER,
                PASSWORD_SIGN_IN, false));
        return new Registration(request, options, by.register(options, ORIGIN, tamper));
    }

    /** Finishes adding a passkey with {@code response} as the browser's JSON. */
    void finish(Registration added, String response) {
        registration.completeAddition(added.request(), CALLER, PASSWORD_SIGN_IN, parsed(response), null);
    }

    /** The credential IDs that username-first sign-in options for {@code name} allow. */
    List<String> allowedFor(String name) {
        BrowserCookies browser = new BrowserCookies();
        JsonNode options = Json.MAPPER.valueToTree(authentication.start(browser.request(), browser.response(), name));
        return options.path("allowCredentials").findValuesAsText("id");
    }

    /** The options for adding a passkey as the caller {@code name}, signed in by the store that signed {@link #CALLER} in. */
    JsonNode startAddPasskeyAs(String name) {
        return Json.MAPPER.valueToTree(registration.startAddPasskey(signedInRequest(), mock(HttpServletResponse.class), name,
                PASSWORD_SIGN_IN, false));
    }

    /** Adds a new passkey as the caller {@code name}, signed in by the store that signed {@link #CALLER} in. */
    StoredPasskey addPasskeyAs(String name) {
        HttpServletRequest request = signedInRequest();
        JsonNode options = Json.MAPPER.valueToTree(registration.startAddPasskey(request, mock(HttpServletResponse.class), name,
                PASSWORD_SIGN_IN, false));
        return registration.completeAddition(request, name, PASSWORD_SIGN_IN,
                SoftwareAuthenticator.deviceBound().register(options, ORIGIN), null);
    }

    /** Signs up {@code requested} with a new passkey. */
    NewAccount signUp(String requested) {
        BrowserCookies browser = new BrowserCookies();
        JsonNode options = Json.MAPPER.valueToTree(registration.startSignUp(browser.request(), browser.response(), requested, null));
        return registration.completeSignUp(browser.request(), browser.response(), SoftwareAuthenticator.deviceBound().register(options,
                ORIGIN), null);
    }

    /** A step-up of {@link #CALLER}: the account's passkey answers the step-up's options, and the verification. */
    VerifiedSignIn stepUp(Tamper tamper) {
        HttpServletRequest request = signedInRequest();
        PasskeyUser account = store.findUserByUsername(CALLER).orElseThrow();
        JsonNode options = Json.MAPPER.valueToTree(authentication.startStepUp(request, account));
        return authentication.finishStepUp(request, authenticator.authenticate(options, ORIGIN, tamper), account);
    }

    /** Starts a step-up for an account of another name that has no passkeys. */
    void stepUpWithoutPasskeys() {
        authentication.startStepUp(signedInRequest(),
                new PasskeyUser("no-passkeys", "no-passkeys", new com.yubico.webauthn.data.ByteArray(new byte[64]),
                        java.time.Instant.EPOCH, PasskeyUser.NO_VOUCHING_STORE));
    }

    /** The body as the endpoints' reader parses it: JSON that is not even JSON is refused there, as malformed. */
    private static JsonNode parsed(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException notJson) {
            throw new Refusal(PasskeyErrorCode.MALFORMED_REQUEST);
        }
    }

    record SignIn(PendingCeremony pending, ObjectNode validResponse) {
    }

    /** A registration ready to finish: its request, the creation options the browser got, the authenticator's answer. */
    record Registration(HttpServletRequest request, JsonNode options, ObjectNode validResponse) {
    }

    /** A request of {@link #CALLER}, in these container roles, with a session of its own (a map behind a mock). */
    private static HttpServletRequest signedInRequest(String... roles) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(session).removeAttribute(anyString());
        when(session.getId()).thenReturn("fuzz-session");
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getSession()).thenReturn(session);
        Principal caller = () -> CALLER;
        when(request.getUserPrincipal()).thenReturn(caller);
        when(request.isUserInRole(anyString())).thenAnswer(call -> List.of(roles).contains(call.<String>getArgument(0)));
        return request;
    }
}
