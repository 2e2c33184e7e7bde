/**
 * Signing callers in through the container: the sign-ins themselves, the passkey identity store
 * and the credentials passed to it, which application store vouched for a name, the caller's
 * session state and its re-checks, failed-sign-in counts. Returns values or throws refusals; the
 * HTTP edge reads the requests and writes the answers.
 */
package org.passkeyee.internal.security;
