/**
 * TEST-ONLY: an "existing application", written as a team that never heard of passkeys writes
 * one, into which {@link org.passkeyee.it.ExistingApplicationIT} drops the passkey JARs. It has
 * its own datasource ({@code java:app/jdbc/InventoryDS}, in {@code web.xml}), its own persistence
 * unit injected without a unit name, a {@code @DatabaseIdentityStoreDefinition} in its default
 * mode (validates passwords and provides groups) over its own tables of users and groups, a
 * hand-written identity store that also validates and provides groups, a password sign-in
 * servlet and role-protected pages. The only passkey-specific parts are the annotation on
 * {@link org.passkeyee.it.existing.InventorySecurity} and one configuration property that keeps
 * the passkeys in the application's own datasource.
 */
package org.passkeyee.it.existing;
