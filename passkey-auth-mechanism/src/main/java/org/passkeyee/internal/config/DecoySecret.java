package org.passkeyee.internal.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The key of the decoy credentials answered for unknown names ({@code passkey.decoy-secret}),
 * resolved once at start: at least {@value #MIN_BYTES} bytes, the same on every server of a
 * cluster; unset, a random one for this run. Not part of {@link org.passkeyee.PasskeyConfiguration},
 * which is public and printable.
 */
public final class DecoySecret {

    private static final Logger LOG = Logger.getLogger(DecoySecret.class.getName());
    static final String PROPERTY = "passkey.decoy-secret";
    /** 256 bits: the decoys are an HMAC-SHA-256 of public names, so a shorter key could be searched offline. */
    static final int MIN_BYTES = 32;

    private final byte[] bytes;
    private final boolean configured;

    private DecoySecret(byte[] bytes, boolean configured) {
        this.bytes = bytes;
        this.configured = configured;
    }

    /**
     * The configured secret: at least {@value #MIN_BYTES} bytes, and not one byte repeated;
     * otherwise the deployment fails, saying so. Unset: a random secret, with a warning that
     * decoys then change at every start (a restart would tell a patient asker which names are
     * unknown).
     *
     * @throws IllegalStateException when the configured secret is too weak
     */
    static DecoySecret of(Optional<String> configured) {
        if (configured.isEmpty()) {
            LOG.warning(PROPERTY + " is not set: decoy credential IDs for unknown usernames change at every "
                    + "start, while real ones do not, so someone who asks for a name before and after a restart can tell "
                    + "whether it exists. Set it to a random secret of at least " + MIN_BYTES + " bytes (e.g. "
                    + "'openssl rand -base64 48'), the same on every server of a cluster.");
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            return new DecoySecret(random, false);
        }
        byte[] secret = configured.get().strip().getBytes(StandardCharsets.UTF_8);
        boolean oneByteRepeated = secret.length > 0 && IntStream.range(0, secret.length).allMatch(i -> secret[i] == secret[0]);
        if (secret.length < MIN_BYTES || oneByteRepeated) {
            throw new IllegalStateException(PROPERTY + " must be a random secret of at least " + MIN_BYTES
                    + " bytes (e.g. 'openssl rand -base64 48'); the one set has " + secret.length
                    + (oneByteRepeated ? " bytes of one repeated character" : " bytes"));
        }
        return new DecoySecret(secret, true);
    }

    /** The key's bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether the admin set it (otherwise it is random, and differs between servers and runs). */
    public boolean configured() {
        return configured;
    }

    @Override
    public String toString() {
        return "DecoySecret[" + (configured ? "configured" : "random for this run") + "]";
    }
}
