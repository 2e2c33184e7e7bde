/**
 * The one HTTP edge: the Jakarta Security mechanism and the endpoint servlet, their routes, the
 * sign-in requests the mechanism answers, JSON requests read strictly and JSON answers, the
 * cross-site check, the return-to cookie. No other package reads a request body or writes an answer.
 */
package org.passkeyee.internal.http;
