package org.passkeyee.it.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.passkeyee.PasskeyAccounts;

/**
 * TEST-ONLY: sign-up allowed for any name the directory does not know, searched with the name as
 * a filter argument ({@code {0}}), which JNDI escapes: the careful way. The module's name policy
 * must still keep names away from Soteria's store, which does not escape.
 */
@ApplicationScoped
public class DirectoryAccounts implements PasskeyAccounts {

    @Inject
    DirectorySettings settings;

    @Override
    public boolean isUsernameAvailable(String username) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, settings.getUrl());
        try {
            InitialDirContext directory = new InitialDirContext(environment);
            try {
                SearchControls controls = new SearchControls();
                controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
                NamingEnumeration<SearchResult> found = directory.search(DirectorySettings.PEOPLE, "(uid={0})",
                        new Object[] {username}, controls);
                return !found.hasMore();
            } finally {
                directory.close();
            }
        } catch (NamingException e) {
            return false;
        }
    }
}
