package org.passkeyee.internal.ceremony.pending;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.zip.DataFormatException;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.shared.Refusal;

/**
 * A started ceremony waiting for the browser's answer: a signed-in caller's kept in the HTTP
 * session, a stranger's sealed into the browser ({@link SealedCeremonies}).
 *
 * <p>It holds Yubico's request object as the ceremony made it, so that finishing the ceremony
 * needs no JSON at all. Those objects are not {@link Serializable}: a session that is serialized
 * (replicated, persisted) carries the JSON Yubico writes, packed by {@link CeremonyJsonCodec},
 * and reads the object back from it; that keeps a pending sign-up well under 1 KiB of session
 * state.
 *
 * @param kind        what the ceremony is for
 * @param assertionRequest Yubico's request of a sign-in; {@code null} for a registration
 * @param creationOptions  Yubico's creation options of a registration; {@code null} for a sign-in
 * @param username    the caller the ceremony is for, or {@code null} for a usernameless sign-in
 * @param expiresAt   when the challenge stops being accepted
 * @param conditional whether the browser was asked for a conditional create, which may answer
 *                    without user presence
 */
public record PendingCeremony(Kind kind, AssertionRequest assertionRequest, PublicKeyCredentialCreationOptions creationOptions,
                              String username, Instant expiresAt, boolean conditional) implements Serializable {

    /** Holds Yubico's object of its kind, and only that. */
    public PendingCeremony {
        if ((kind == Kind.SIGN_IN) != (assertionRequest != null) || (kind == Kind.SIGN_IN) == (creationOptions != null)) {
            throw new IllegalArgumentException("A pending " + kind + " holds " + (kind == Kind.SIGN_IN
                    ? "an assertion request" : "creation options") + ", and nothing else");
        }
    }

    /** A sign-in waiting for its answer. */
    public static PendingCeremony signIn(AssertionRequest request, String username, Instant expiresAt) {
        return new PendingCeremony(Kind.SIGN_IN, request, null, username, expiresAt, false);
    }

    /** A sign-up or an added passkey waiting for its answer. */
    public static PendingCeremony registration(Kind kind, PublicKeyCredentialCreationOptions options, String username,
                                               Instant expiresAt, boolean conditional) {
        return new PendingCeremony(kind, null, options, username, expiresAt, conditional);
    }

    public enum Kind {
        /** Creating an account together with its first passkey. */
        SIGN_UP,
        /** Adding a passkey to the signed-in caller. */
        ADD_PASSKEY,
        /** Signing in. */
        SIGN_IN;

        /** A refusal in a ceremony of this kind: a refused sign-in for {@link #SIGN_IN}, else a plain one. */
        public Refusal refusal(PasskeyErrorCode code) {
            return this == SIGN_IN ? Refusal.ofSignIn(code) : new Refusal(code);
        }
    }

    private static final byte FORMAT = 1;
    private static final int MAX_PACKED_BYTES = 1 << 20;

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Writes the ceremony's compact form: a format byte, its kind, expiry, whether conditional,
     * the username, and Yubico's request JSON packed by {@link CeremonyJsonCodec}. The one form
     * both of a serialized session and of a sealed state ({@link CeremonySeal}).
     */
    void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeByte(kind.ordinal());
        out.writeLong(expiresAt.getEpochSecond());
        out.writeInt(expiresAt.getNano());
        out.writeBoolean(conditional);
        out.writeBoolean(username != null);
        if (username != null) {
            out.writeUTF(username);
        }
        Object yubicoRequest = kind == Kind.SIGN_IN ? assertionRequest : creationOptions;
        byte[] packed = CeremonyJsonCodec.pack(Json.MAPPER.writeValueAsString(yubicoRequest));
        out.writeInt(packed.length);
        out.write(packed);
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @throws InvalidObjectException when it is not such a form (another format, kind or size, or
     *         a request that does not unpack or parse)
     * @throws IOException when the input ends early
     */
    static PendingCeremony readFrom(DataInput in) throws IOException {
        if (in.readByte() != FORMAT) {
            throw new InvalidObjectException("A pending ceremony of an unknown format");
        }
        Kind[] kinds = Kind.values();
        int kind = in.readUnsignedByte();
        if (kind >= kinds.length) {
            throw new InvalidObjectException("A pending ceremony of an unknown kind");
        }
        Instant expiresAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        boolean conditional = in.readBoolean();
        String username = in.readBoolean() ? in.readUTF() : null;
        int length = in.readInt();
        if (length < 0 || length > MAX_PACKED_BYTES) {
            throw new InvalidObjectException("A pending ceremony of an impossible size");
        }
        byte[] packed = new byte[length];
        in.readFully(packed);
        try {
            String json = CeremonyJsonCodec.unpack(packed);
            return kinds[kind] == Kind.SIGN_IN
                    ? signIn(Json.MAPPER.readValue(json, AssertionRequest.class), username, expiresAt)
                    : registration(kinds[kind], Json.MAPPER.readValue(json, PublicKeyCredentialCreationOptions.class),
                            username, expiresAt, conditional);
        } catch (DataFormatException | IOException | RuntimeException unreadable) {
            throw new InvalidObjectException("A pending ceremony's request could not be unpacked");
        }
    }

    @Serial
    private Object writeReplace() {
        return new SerializedForm(this);
    }

    /** What a pending ceremony is written as; read back as the ceremony itself. */
    static final class SerializedForm implements Externalizable {

        @Serial
        private static final long serialVersionUID = 1L;

        private PendingCeremony ceremony;

        /** For deserialization only. */
        public SerializedForm() {
        }

        SerializedForm(PendingCeremony ceremony) {
            this.ceremony = ceremony;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            ceremony.writeTo(out);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            ceremony = readFrom(in);
        }

        @Serial
        private Object readResolve() {
            return ceremony;
        }
    }
}
