/**
 * Everything the admin configures, read once when the application starts: the annotation with the
 * property overrides ({@code PasskeyConfiguration}), the decoy key, which authenticators may
 * register ({@code AuthenticatorPolicy}), the settings handed to the module's other JARs. The only
 * package that reads properties.
 */
package org.passkeyee.internal.config;
