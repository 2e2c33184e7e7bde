package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.yubico.webauthn.data.ByteArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeySettings;
import org.passkeyee.PasskeyUser;

/**
 * Accounts stored before schema version 3 are listed for the administrator, with an UPDATE only
 * for those whose name exactly one validating store knows; the module itself changes nothing.
 */
class UnvouchedAccountsTest {

    private final PasskeyCredentialStore store = mock(PasskeyCredentialStore.class);
    private final VouchingStores vouchingStores = mock(VouchingStores.class);

    @Test
    void scriptWhenExactlyOneStoreKnowsTheNameThenOneUpdateForThatAccountOnly() {
        PasskeyUser staffOnly = account(1, "alice");
        PasskeyUser both = account(2, "jdoe");
        PasskeyUser nobody = account(3, "signed-up-bob");
        PasskeyUser quoted = account(4, "o'hara");
        when(vouchingStores.storesKnowing("alice")).thenReturn(Optional.of(List.of("com.example.Security#staff")));
        when(vouchingStores.storesKnowing("jdoe")).thenReturn(Optional.of(List.of("com.example.Security#staff", "com.example.Security#customers")));
        when(vouchingStores.storesKnowing("signed-up-bob")).thenReturn(Optional.of(List.of()));
        when(vouchingStores.storesKnowing("o'hara")).thenReturn(Optional.of(List.of("com.example.Security#staff")));

        String script = unvouched(Map.of()).script(List.of(staffOnly, both, nobody, quoted));

        List<String> updates = script.lines().filter(line -> !line.startsWith("--")).toList();
        assertEquals(List.of(
                "UPDATE PASSKEY_USER SET VOUCHED_BY = 'com.example.Security#staff' WHERE USER_HANDLE = '"
                        + staffOnly.userHandle().getBase64Url() + "' AND VOUCHED_BY IS NULL;",
                "UPDATE PASSKEY_USER SET VOUCHED_BY = 'com.example.Security#staff' WHERE USER_HANDLE = '"
                        + quoted.userHandle().getBase64Url() + "' AND VOUCHED_BY IS NULL;"), updates);
        assertTrue(script.contains("named 'o''hara'"), script);
        assertTrue(script.contains("known by 2 stores"), script);
        assertTrue(script.contains("no store knows the name"), script);
    }

    @Test
    void scriptWhenAStoreCannotBeAskedByNameOrTheNameIsRefusedThenNoUpdateAndTheNameNeverRaw() {
        PasskeyUser uncertain = account(1, "carol");
        PasskeyUser injected = account(2, "x\n'; DROP TABLE PASSKEY_USER; --");
        when(vouchingStores.storesKnowing("carol")).thenReturn(Optional.empty());
        when(vouchingStores.storesKnowing(injected.username())).thenReturn(Optional.of(List.of()));

        String script = unvouched(Map.of()).script(List.of(uncertain, injected));

        assertEquals(0, script.lines().filter(line -> !line.startsWith("--")).count(), script);
        assertTrue(script.contains("none is certain"), script);
        assertTrue(script.contains("with a name the name policy refuses") && !script.contains("DROP TABLE"), script);
    }

    @Test
    void reviewWhenTheScriptIsAskedForThenWrittenAndTheStoreUnchanged(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("vouching.sql");
        PasskeyUser alice = account(1, "alice");
        when(store.findUsersWithoutVouchingStore(UnvouchedAccounts.MAX_ACCOUNTS)).thenReturn(List.of(alice));
        when(vouchingStores.storesKnowing("alice")).thenReturn(Optional.of(List.of("com.example.Security#staff")));

        unvouched(Map.of(UnvouchedAccounts.SCRIPT, file.toString())).review(null);

        assertTrue(Files.readString(file).contains("WHERE USER_HANDLE = '" + alice.userHandle().getBase64Url() + "'"));
        org.mockito.Mockito.verify(store).findUsersWithoutVouchingStore(UnvouchedAccounts.MAX_ACCOUNTS);
        org.mockito.Mockito.verifyNoMoreInteractions(store);
    }

    private UnvouchedAccounts unvouched(Map<String, String> settings) {
        return new UnvouchedAccounts(store, vouchingStores, name -> Optional.ofNullable(settings.get(name)));
    }

    private static PasskeyUser account(int id, String name) {
        byte[] handle = new byte[64];
        handle[0] = (byte) id;
        return new PasskeyUser(name, name, new ByteArray(handle), Instant.EPOCH, null);
    }
}
