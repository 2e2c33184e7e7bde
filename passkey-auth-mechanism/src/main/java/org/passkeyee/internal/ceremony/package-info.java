/**
 * The WebAuthn ceremonies with Yubico's library: options, verification, and every check that names
 * its refusal; decoys for unknown names; limits on what a new passkey may be.
 */
package org.passkeyee.internal.ceremony;
