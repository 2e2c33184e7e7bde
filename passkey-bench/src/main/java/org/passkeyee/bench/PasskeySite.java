package org.passkeyee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * How a passkey site under load is spoken to: how a caller gets a passkey, and the three requests
 * of a sign-in ceremony (options, the sign-in with the authenticator's answer, then the protected
 * page with the new session), which {@link SignInLoad} times. Our sample ({@link SampleSite}) and the Spring Security peer
 * ({@link SpringPeerSite}) differ only here, so that the same load measures both.
 */
interface PasskeySite {

    /** Gives {@code username} a passkey (synced, count always 0, or device-bound), signed out after. */
    SignInLoad.Caller register(Browser browser, String username, boolean synced) throws IOException;

    /** The first step of a sign-in: the request options (a new session). */
    Browser.Response requestOptions(Browser browser) throws IOException;

    /** The sign-in with the authenticator's answer; {@code null} when it signed {@code username} in, else why not. */
    String signIn(Browser browser, JsonNode assertion, String username) throws IOException;

    /** The protected page, which answers {@code {"name": <caller>}} when signed in. */
    Browser.Response protectedPage(Browser browser) throws IOException;

    /** A path that answers 200 once the site is up. */
    String readyPath();
}
