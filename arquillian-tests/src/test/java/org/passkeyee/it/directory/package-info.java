/**
 * TEST-ONLY: an application whose people live in an LDAP directory, behind Jakarta Security's
 * {@code @LdapIdentityStoreDefinition} in its default mode (it validates passwords and provides
 * groups; Soteria formats caller names into the DN and the group filter unescaped), with passkey
 * sign-up whose {@link org.passkeyee.it.directory.DirectoryAccounts} searches the directory with a
 * properly escaped filter, as a careful team writes it. {@link org.passkeyee.it.DirectoryApplicationIT}
 * runs a real directory (UnboundID's in-memory server) beside it.
 */
package org.passkeyee.it.directory;
