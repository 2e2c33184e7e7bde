package org.passkeyee.internal.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The key material that seals a stranger's ceremony state into the browser
 * ({@code passkey.ceremony-key}), resolved once at start, and the one it replaces
 * ({@code passkey.ceremony-key-previous}), accepted for opening only, so that a key can be rotated
 * without failing the ceremonies started just before. Each is at least {@value #MIN_BYTES} bytes
 * of text (base64 or not: its bytes are the material, from which the AES key is derived), the
 * same on every server of a cluster; unset, a random one for this run. Not part of
 * {@link org.passkeyee.PasskeyConfiguration}, which is public and printable.
 */
public final class CeremonyKey {

    private static final Logger LOG = Logger.getLogger(CeremonyKey.class.getName());
    static final String PROPERTY = "passkey.ceremony-key";
    static final String PREVIOUS_PROPERTY = "passkey.ceremony-key-previous";
    /** 256 bits, the strength of the AES key derived from it. */
    static final int MIN_BYTES = 32;

    private final byte[] current;
    private final byte[] previous;
    private final boolean configured;

    private CeremonyKey(byte[] current, byte[] previous, boolean configured) {
        this.current = current;
        this.previous = previous;
        this.configured = configured;
    }

    /**
     * The configured key and, if set, the previous one: each at least {@value #MIN_BYTES} bytes,
     * and not one byte repeated; otherwise the deployment fails, saying so. Unset: a random key,
     * with a warning that ceremonies started before a restart, or on another server, then fail.
     *
     * @throws IllegalStateException when a configured key is too weak, or only the previous one is set
     */
    public static CeremonyKey of(Optional<String> configured, Optional<String> previous) {
        if (configured.isEmpty()) {
            if (previous.isPresent()) {
                throw new IllegalStateException(PREVIOUS_PROPERTY + " is set but " + PROPERTY + " is not: set the new key"
                        + " in " + PROPERTY + " and keep the old one in " + PREVIOUS_PROPERTY + " while you rotate");
            }
            LOG.warning(PROPERTY + " is not set: the sign-in and sign-up ceremonies that strangers start are sealed "
                    + "into their browsers with a random key for this run, so ceremonies started before a restart, or on "
                    + "another server of a cluster, fail and must be started again. Set it to a random secret of at least "
                    + MIN_BYTES + " bytes (e.g. 'openssl rand -base64 48'), the same on every server.");
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            return new CeremonyKey(random, null, false);
        }
        return new CeremonyKey(strong(PROPERTY, configured.get()), previous.map(key -> strong(PREVIOUS_PROPERTY, key)).orElse(null),
                true);
    }

    private static byte[] strong(String property, String value) {
        byte[] key = value.strip().getBytes(StandardCharsets.UTF_8);
        boolean oneByteRepeated = key.length > 0 && IntStream.range(0, key.length).allMatch(i -> key[i] == key[0]);
        if (key.length < MIN_BYTES || oneByteRepeated) {
            throw new IllegalStateException(property + " must be a random secret of at least " + MIN_BYTES
                    + " bytes (e.g. 'openssl rand -base64 48'); the one set has " + key.length
                    + (oneByteRepeated ? " bytes of one repeated character" : " bytes"));
        }
        return key;
    }

    /** The key material that seals (a copy). */
    public byte[] current() {
        return current.clone();
    }

    /** The key material of before a rotation, which only opens (a copy); empty when none is set. */
    public Optional<byte[]> previous() {
        return Optional.ofNullable(previous).map(byte[]::clone);
    }

    /** Whether the admin set it (otherwise it is random, and differs between servers and runs). */
    public boolean configured() {
        return configured;
    }

    @Override
    public String toString() {
        return "CeremonyKey[" + (configured ? "configured" + (previous != null ? ", with a previous key" : "")
                : "random for this run") + "]";
    }
}
