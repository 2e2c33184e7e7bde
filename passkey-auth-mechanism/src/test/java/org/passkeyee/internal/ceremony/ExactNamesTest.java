package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verify;

import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.shared.Refusal;

/**
 * Names under a store that compares them ignoring case (a MariaDB table generated with the
 * server's default collation): every lookup by name finds the account of exactly that name or
 * none, so {@code Fuzzed-Caller} never reaches {@code fuzzed-caller}'s passkeys.
 */
class ExactNamesTest {

    private static final String SAME_NAME_OTHER_CASE = "Fuzzed-Caller";

    private final CeremonyHarness harness = new CeremonyHarness(InMemoryPasskeyStore.ignoringCase());
    private final PasskeyUser account = harness.store.findUserByUsername(CeremonyHarness.CALLER).orElseThrow();

    @Test
    void accountWhenTheStoreAnswersANameThatDiffersInCaseThenNotFound() {
        assertTrue(harness.store.findUserByUsername(SAME_NAME_OTHER_CASE).isPresent(), "the store ignores case");

        assertEquals(Optional.empty(), ExactNames.account(harness.store, SAME_NAME_OTHER_CASE));
        assertEquals(Optional.of(account), ExactNames.account(harness.store, CeremonyHarness.CALLER));
    }

    @Test
    void signInOptionsWhenTheNameDiffersInCaseThenThatNamesDecoysNeverTheAccountsPasskeys() {
        List<String> real = harness.allowedFor(CeremonyHarness.CALLER);

        List<String> otherCase = harness.allowedFor(SAME_NAME_OTHER_CASE);

        assertEquals(ids(CeremonyHarness.DECOYS.forUsername(SAME_NAME_OTHER_CASE)), otherCase);
        assertTrue(otherCase.stream().noneMatch(real::contains));
        assertEquals(ids(CeremonyHarness.DECOYS.forUsername("fuzzed-callers")),
                harness.allowedFor("fuzzed-callers"), "a name nobody has: its own decoys, keyed the same way");
    }

    @Test
    void addPasskeyWhenAnAccountHoldsTheNameInAnotherCaseThenNotJoinedAndRefusedAsHeldByAnother() {
        int before = harness.store.passkeyCount();

        assertNotEquals(account.userHandle().getBase64Url(),
                harness.startAddPasskeyAs(SAME_NAME_OTHER_CASE).path("user").path("id").asText(), "a new account's handle");
        assertEquals(List.of(), harness.startAddPasskeyAs(SAME_NAME_OTHER_CASE).path("excludeCredentials").findValuesAsText("id"));
        Refusal refusal = assertThrows(Refusal.class, () -> harness.addPasskeyAs(SAME_NAME_OTHER_CASE));

        assertEquals(PasskeyErrorCode.NAME_HELD_BY_ANOTHER_ACCOUNT, refusal.code());
        assertEquals(409, refusal.status());
        assertEquals(before, harness.store.passkeyCount());
    }

    @Test
    void signUpWhenTheStoreTakesTheNameForAnothersThen409UsernameTakenAndTheNameReleased() {
        harness.addPasskeyAs("JDoe");

        Refusal refusal = assertThrows(Refusal.class, () -> harness.signUp("jdoe"));

        assertEquals(PasskeyErrorCode.USERNAME_TAKEN, refusal.code());
        assertEquals(409, refusal.status());
        verify(harness.accounts).releaseUsername("jdoe");
        assertEquals("JDoe", harness.store.findUserByUsername("jdoe").orElseThrow().username());
    }

    @Test
    void registrationRepositoryWhenTheNameDiffersInCaseThenNoCredentialsAndNoHandle() {
        StoreCredentialRepository repository = new StoreCredentialRepository(harness.store);

        assertEquals(Set.of(), repository.getCredentialIdsForUsername(SAME_NAME_OTHER_CASE));
        assertEquals(Optional.empty(), repository.getUserHandleForUsername(SAME_NAME_OTHER_CASE));
        assertFalse(repository.getCredentialIdsForUsername(CeremonyHarness.CALLER).isEmpty());
    }

    @Test
    void sourcesThenLookAccountsUpByNameOnlyThroughExactNames() throws IOException {
        Path sources = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> callers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("ExactNames.java")) && !f.endsWith(Path.of("PasskeyCredentialStore.java")))
                    .filter(f -> read(f).contains("findUserByUsername("))
                    .map(Path::toString).toList();

            assertEquals(List.of(), callers, "call ExactNames.account instead");
        }
    }

    private static List<String> ids(List<PublicKeyCredentialDescriptor> descriptors) {
        return descriptors.stream().map(PublicKeyCredentialDescriptor::getId).map(ByteArray::getBase64Url).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
