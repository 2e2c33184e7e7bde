/**
 * The store's settings ({@code passkey.datasource}, {@code passkey.create-tables},
 * {@code passkey.jpa-provider}), resolved once from the core's {@link org.passkeyee.PasskeySettings}
 * into one immutable record. Imports nothing of the store's other packages.
 */
package org.passkeyee.persistence.config;
