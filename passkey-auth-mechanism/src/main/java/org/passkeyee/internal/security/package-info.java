/**
 * The Jakarta Security edge: the mechanism, the passkey identity store and the credentials passed
 * between them, the caller's session state, and the checks made before a ceremony runs (cross-site
 * requests) or after it fails (throttling).
 */
package org.passkeyee.internal.security;
