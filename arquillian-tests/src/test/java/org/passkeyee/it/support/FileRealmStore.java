package org.passkeyee.it.support;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * TEST-ONLY, Payara Server: the recipe the README gives for applications whose users are in a
 * server realm, here the domain's file realm, made an identity store with Payara's own
 * {@code @RealmIdentityStoreDefinition}: its passwords validate j_security_check posts and its
 * groups are the caller's, with a password and with a passkey.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition("file")
public class FileRealmStore {
}
