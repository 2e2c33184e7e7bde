/**
 * What every layer of the core shares, and which depends on nothing of it: a refusal with its
 * stable code, the JSON mapper, text made safe for logs, images safe to show.
 */
package org.passkeyee.internal.shared;
