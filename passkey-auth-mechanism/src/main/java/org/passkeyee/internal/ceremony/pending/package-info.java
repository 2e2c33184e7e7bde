/**
 * Started ceremonies waiting for the browser's answer: a stranger's sealed into the browser in a
 * cookie (nothing held on the server, no session), a signed-in caller's in the HTTP session;
 * taken before they are verified, expiring, compact when serialized or sealed.
 */
package org.passkeyee.internal.ceremony.pending;
