package org.passkeyee.internal.ceremony.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The session form of pending ceremonies: exact round trip, and its size against the 1 KiB budget. */
class PendingCeremonySerializationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LONG_NAME = "a.rather.long.username.of.sixty-four.characters@example.org.test";

    @Test
    void signUpWithLongNamesThenRoundTripsExactlyInUnderOneKibibyte() throws Exception {
        PendingCeremony signUp = registration(PendingCeremony.Kind.SIGN_UP, Set.of(), true);

        byte[] serialized = serialize(signUp);

        assertEquals(signUp, deserialize(serialized));
        assertTrue(serialized.length <= 1024, () -> "pending sign-up: " + serialized.length + " bytes");
    }

    @Test
    void usernamelessSignInThenRoundTripsExactlyInUnderThreeHundredBytes() throws Exception {
        PendingCeremony signIn = PendingCeremony.signIn(
                relyingParty(Set.of()).startAssertion(StartAssertionOptions.builder().timeout(300_000L).build()),
                null, Instant.parse("2026-11-22T10:05:00.123456789Z"));

        byte[] serialized = serialize(signIn);

        assertEquals(signIn, deserialize(serialized));
        assertTrue(serialized.length <= 300, () -> "pending usernameless sign-in: " + serialized.length + " bytes");
    }

    @Test
    void addingWithTenExcludedPasskeysThenRoundTripsExactlyInUnderOneKibibyte() throws Exception {
        Set<PublicKeyCredentialDescriptor> registered = IntStream.range(0, 10)
                .mapToObj(i -> PublicKeyCredentialDescriptor.builder().id(random(16))
                        .transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID)).build())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        PendingCeremony adding = registration(PendingCeremony.Kind.ADD_PASSKEY, registered, false);

        byte[] serialized = serialize(adding);

        assertEquals(adding, deserialize(serialized));
        assertTrue(serialized.length <= 1024, () -> "pending addition with 10 passkeys: " + serialized.length + " bytes");
    }

    @Test
    void corruptedFormThenRefusedAsInvalidObject() throws Exception {
        byte[] serialized = serialize(registration(PendingCeremony.Kind.SIGN_UP, Set.of(), false));
        serialized[serialized.length - 3] ^= 0x5a;
        serialized[serialized.length - 9] ^= 0x5a;

        assertThrows(IOException.class, () -> deserialize(serialized));
    }

    @Test
    void unknownFormatThenRefusedAsInvalidObject() throws Exception {
        byte[] serialized = serialize(registration(PendingCeremony.Kind.SIGN_UP, Set.of(), false));
        int format = indexOfFormatByte(serialized);
        serialized[format] = 99;

        assertThrows(InvalidObjectException.class, () -> deserialize(serialized));
    }

    private static PendingCeremony registration(PendingCeremony.Kind kind, Set<PublicKeyCredentialDescriptor> registered,
                                                boolean conditional) throws Exception {
        PublicKeyCredentialCreationOptions options = relyingParty(registered).startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(LONG_NAME).displayName("Dr. Maximiliane Mustermann-Lüdenscheidt")
                        .id(random(64)).build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder().residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.PREFERRED).build())
                .timeout(300_000L)
                .build());
        return PendingCeremony.registration(kind, options, LONG_NAME, Instant.parse("2026-11-22T10:05:00Z"), conditional);
    }

    private static RelyingParty relyingParty(Set<PublicKeyCredentialDescriptor> registered) {
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id("login.example.org").name("Example Corporation Portal").build())
                .credentialRepository(new CredentialRepository() {
                    @Override
                    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
                        return registered;
                    }

                    @Override
                    public Optional<ByteArray> getUserHandleForUsername(String username) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
                        return Optional.empty();
                    }

                    @Override
                    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
                        return Set.of();
                    }
                })
                .origins(Set.of("https://login.example.org"))
                .build();
    }

    private static ByteArray random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return new ByteArray(value);
    }

    /**
     * The format byte opens the external data, which follows the class descriptor as block data:
     * TC_BLOCKDATA (0x77) with a one-byte length, or TC_BLOCKDATALONG (0x7A) with four.
     */
    private static int indexOfFormatByte(byte[] serialized) {
        for (int i = 0; i < serialized.length - 5; i++) {
            if (serialized[i] == 0x7A && serialized[i + 5] == 1) {
                return i + 5;
            }
            if (serialized[i] == 0x77 && serialized[i + 2] == 1) {
                return i + 2;
            }
        }
        throw new AssertionError("no block data in the serialized form");
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] serialized) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            return in.readObject();
        }
    }
}
