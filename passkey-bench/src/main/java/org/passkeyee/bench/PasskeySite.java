package org.passkeyee.bench;

import java.io.IOException;

/**
 * How a passkey site under load is spoken to: how a caller gets a passkey, and what one full
 * sign-in ceremony is (options, the authenticator's signature, the sign-in, then the protected
 * page with the new session). Our sample ({@link SampleSite}) and the Spring Security peer
 * ({@link SpringPeerSite}) differ only here, so that the same load measures both.
 */
interface PasskeySite {

    /** Gives {@code username} a passkey (synced, count always 0, or device-bound), signed out after. */
    SignInLoad.Caller register(Browser browser, String username, boolean synced) throws IOException;

    /**
     * One sign-in ceremony in a browser without cookies; {@code null} when it succeeded, else what
     * went wrong. {@code stepNanos} receives the time of options, signature, sign-in and page.
     */
    String signIn(Browser browser, SignInLoad.Caller caller, long[] stepNanos) throws IOException;

    /** A path that answers 200 once the site is up. */
    String readyPath();
}
