/**
 * Started ceremonies waiting for the browser's answer: one per kind per HTTP session, taken
 * atomically (single use), expiring, compact when serialized, and bounded for anonymous callers.
 */
package org.passkeyee.internal.ceremony.pending;
