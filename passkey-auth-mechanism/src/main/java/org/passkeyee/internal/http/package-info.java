/** The passkey endpoints: the servlet and its routes, JSON requests read strictly, JSON answers. */
package org.passkeyee.internal.http;
