package org.passkeyee.internal.ceremony;

import com.yubico.fido.metadata.AuthenticatorStatus;
import com.yubico.fido.metadata.FidoMetadataService;
import com.yubico.fido.metadata.MetadataBLOB;
import com.yubico.fido.metadata.MetadataBLOBPayloadEntry;
import com.yubico.fido.metadata.StatusReport;
import com.yubico.webauthn.attestation.AttestationTrustSource;
import com.yubico.webauthn.data.ByteArray;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.internal.shared.ImageDataUris;

/**
 * The FIDO Metadata Service as the ceremonies use it: the trust roots an attestation must chain
 * to ({@link #trustSource()}), whether an authenticator model is known to be revoked or
 * compromised ({@link #compromise}), and, for display, its description and icon. Loaded at start, where a BLOB that cannot be trusted fails
 * the deployment ({@link MetadataBlobs}); reloaded in the background once its {@code nextUpdate}
 * has come. A failed reload keeps the BLOB in use and logs SEVERE, naming the file or URL, at
 * most once an hour.
 *
 * <p>Statuses are looked up by AAGUID, which only a verified attestation vouches for; without
 * attestation they stop honest clients only.
 */
public final class AuthenticatorMetadata {

    private static final Logger LOG = Logger.getLogger(AuthenticatorMetadata.class.getName());
    private static final Duration RETRY_AFTER_FAILED_RELOAD = Duration.ofHours(1);
    /** Statuses that make a model unfit for new passkeys and its existing passkeys unfit for sign-in. */
    static final Set<AuthenticatorStatus> COMPROMISED = EnumSet.of(AuthenticatorStatus.REVOKED,
            AuthenticatorStatus.USER_KEY_REMOTE_COMPROMISE, AuthenticatorStatus.USER_KEY_PHYSICAL_COMPROMISE,
            AuthenticatorStatus.ATTESTATION_KEY_COMPROMISE);

    private static final AuthenticatorMetadata NONE = new AuthenticatorMetadata(null, null, null, null);

    private final MetadataBlobs blobs;
    private final Clock clock;
    private final Executor reloads;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile Snapshot current;
    private volatile Instant nextReload;

    private AuthenticatorMetadata(MetadataBlobs blobs, Clock clock, Executor reloads, Snapshot first) {
        this.blobs = blobs;
        this.clock = clock;
        this.reloads = reloads;
        this.current = first;
        this.nextReload = Instant.MIN;
    }

    /** No metadata configured: no trust roots, no statuses. */
    public static AuthenticatorMetadata none() {
        return NONE;
    }

    /**
     * Loads the BLOB from {@code source}.
     *
     * @throws IllegalStateException naming the file or URL when the BLOB cannot be trusted
     */
    public static AuthenticatorMetadata load(MetadataSource source) {
        return load(new MetadataBlobs(source), Clock.systemUTC(), ForkJoinPool.commonPool());
    }

    /** @param reloads runs the reloads after {@code nextUpdate} */
    static AuthenticatorMetadata load(MetadataBlobs blobs, Clock clock, Executor reloads) {
        return new AuthenticatorMetadata(blobs, clock, reloads, Snapshot.of(blobs.load(clock), clock));
    }

    /** Whether a BLOB is loaded. */
    public boolean present() {
        return blobs != null;
    }

    /** The trust roots of attestation certificates, for Yubico's relying party; empty without metadata. */
    Optional<AttestationTrustSource> trustSource() {
        if (!present()) {
            return Optional.empty();
        }
        return Optional.of(new AttestationTrustSource() {
            @Override
            public TrustRootsResult findTrustRoots(List<X509Certificate> chain, Optional<ByteArray> aaguid) {
                return snapshot().service().findTrustRoots(chain, aaguid);
            }
        });
    }

    /**
     * The status that makes this authenticator model unfit, if its metadata entry reports one
     * ({@link #COMPROMISED}).
     *
     * @param aaguid lower-case dashed, or {@code null}
     */
    Optional<AuthenticatorStatus> compromise(String aaguid) {
        if (!present() || aaguid == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot().compromised().get(aaguid));
    }

    /**
     * The model's description in its metadata statement, when it would do as a passkey's label
     * (at most 64 characters, nothing invisible). For display only.
     *
     * @param aaguid lower-case dashed, or {@code null}
     */
    Optional<String> description(String aaguid) {
        return present() && aaguid != null ? Optional.ofNullable(snapshot().descriptions().get(aaguid)) : Optional.empty();
    }

    /**
     * The model's icon in its metadata statement, when a page may show it (a base64 image
     * {@code data:} URI, {@link ImageDataUris}). For display only.
     *
     * @param aaguid lower-case dashed, or {@code null}
     */
    public Optional<String> icon(String aaguid) {
        return present() && aaguid != null ? Optional.ofNullable(snapshot().icons().get(aaguid)) : Optional.empty();
    }

    /**
     * The BLOB in use. Once its {@code nextUpdate} has come, one reload is started in the
     * background (a download may take up to a minute): the ceremonies go on with the BLOB in use
     * until the new one is in place.
     */
    private Snapshot snapshot() {
        Snapshot snapshot = current;
        if (snapshot.due(clock) && !clock.instant().isBefore(nextReload) && reloading.compareAndSet(false, true)) {
            reloads.execute(() -> {
                try {
                    reload();
                } finally {
                    reloading.set(false);
                }
            });
        }
        return current;
    }

    private void reload() {
        try {
            current = Snapshot.of(blobs.load(clock), clock);
            LOG.info(() -> "FIDO metadata reloaded from " + blobs.source().describe() + ", next update " + current.nextUpdate());
        } catch (RuntimeException failed) {
            nextReload = clock.instant().plus(RETRY_AFTER_FAILED_RELOAD);
            LOG.severe(() -> "FIDO metadata NOT reloaded, still using the BLOB of next update " + current.nextUpdate()
                    + ": " + failed.getMessage());
        }
    }

    /** One loaded BLOB, with its models' statuses, descriptions and icons by AAGUID. */
    private record Snapshot(FidoMetadataService service, LocalDate nextUpdate, Map<String, AuthenticatorStatus> compromised,
                            Map<String, String> descriptions, Map<String, String> icons) {

        static Snapshot of(MetadataBLOB blob, Clock clock) {
            Map<String, AuthenticatorStatus> compromised = new HashMap<>();
            Map<String, String> descriptions = new HashMap<>();
            Map<String, String> icons = new HashMap<>();
            for (MetadataBLOBPayloadEntry entry : blob.getPayload().getEntries()) {
                if (entry.getAaguid().isEmpty()) {
                    continue;
                }
                String aaguid = Aaguids.format(entry.getAaguid().get().asBytes());
                entry.getStatusReports().stream()
                        .map(StatusReport::getStatus)
                        .filter(COMPROMISED::contains)
                        .findFirst()
                        .ifPresent(status -> compromised.put(aaguid, status));
                entry.getMetadataStatement().ifPresent(statement -> {
                    statement.getDescription().map(String::strip).filter(Names::isLabel)
                            .ifPresent(description -> descriptions.put(aaguid, description));
                    statement.getIcon().filter(ImageDataUris::isShowable).ifPresent(icon -> icons.put(aaguid, icon));
                });
            }
            return new Snapshot(MetadataBlobs.service(blob), blob.getPayload().getNextUpdate(), Map.copyOf(compromised),
                    Map.copyOf(descriptions), Map.copyOf(icons));
        }

        boolean due(Clock clock) {
            return !LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isBefore(nextUpdate);
        }
    }
}
