package org.passkeyee.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the admin's authenticator settings into one {@link AuthenticatorPolicy}, and refuses at
 * start, naming the property, whatever cannot work: a malformed AAGUID, an unknown role rule, an
 * attestation policy without metadata, a metadata file that does not exist.
 *
 * <pre>
 * passkey.allowed-aaguids=ee882879-721c-4913-9775-3dfcce97072a, ...
 * passkey.denied-aaguids=...
 * passkey.role-policies=admin:attested+allowed+device-bound, auditor:device-bound
 * passkey.attestation=none | direct | enterprise
 * passkey.mds-blob=/path/to/blob.jwt   or   passkey.mds-url=https://mds3.fidoalliance.org/
 * passkey.mds-root-certificate=/path/to/root.pem   (optional)
 * </pre>
 */
final class AuthenticatorPolicyResolver {

    static final String ALLOWED = "passkey.allowed-aaguids";
    static final String DENIED = "passkey.denied-aaguids";
    static final String ROLE_POLICIES = "passkey.role-policies";
    static final String ATTESTATION = "passkey.attestation";
    static final String MDS_BLOB = "passkey.mds-blob";
    static final String MDS_URL = "passkey.mds-url";
    static final String MDS_ROOT = "passkey.mds-root-certificate";

    private static final Pattern AAGUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ROLE = Pattern.compile("[^\\s:+,]+");

    private final Function<String, Optional<String>> properties;

    AuthenticatorPolicyResolver(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    AuthenticatorPolicy resolve() {
        Set<String> allowed = aaguids(ALLOWED);
        Set<String> denied = aaguids(DENIED);
        AttestationPolicy attestation = attestation();
        Optional<MetadataSource> metadata = metadata();
        if (attestation.required() && metadata.isEmpty()) {
            throw new IllegalStateException(ATTESTATION + "=" + attestation.name().toLowerCase(Locale.ROOT)
                    + " needs the FIDO metadata to verify attestations against: set " + MDS_BLOB + " or " + MDS_URL);
        }
        List<RolePolicy> rolePolicies = rolePolicies();
        for (RolePolicy rule : rolePolicies) {
            if (rule.attested() && metadata.isEmpty()) {
                throw new IllegalStateException(ROLE_POLICIES + " '" + rule + "' needs the FIDO metadata to verify attestations "
                        + "against: set " + MDS_BLOB + " or " + MDS_URL);
            }
            if (rule.allowed() && allowed.isEmpty()) {
                throw new IllegalStateException(ROLE_POLICIES + " '" + rule + "' needs AAGUIDs from the allow list: set " + ALLOWED);
            }
        }
        return new AuthenticatorPolicy(allowed, denied, rolePolicies, attestation, metadata);
    }

    private Set<String> aaguids(String property) {
        Set<String> aaguids = new LinkedHashSet<>();
        for (String entry : entries(property)) {
            if (!AAGUID.matcher(entry).matches()) {
                throw new IllegalStateException(property + ": '" + entry
                        + "' is not an AAGUID (lower-case, dashed, e.g. ee882879-721c-4913-9775-3dfcce97072a)");
            }
            aaguids.add(entry);
        }
        return aaguids;
    }

    private AttestationPolicy attestation() {
        return properties.apply(ATTESTATION).map(String::trim).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> AttestationPolicy.NONE;
            case "direct" -> AttestationPolicy.DIRECT;
            case "enterprise" -> AttestationPolicy.ENTERPRISE;
            default -> throw new IllegalStateException(ATTESTATION + " must be none, direct or enterprise, not '" + value + "'");
        }).orElse(AttestationPolicy.NONE);
    }

    private Optional<MetadataSource> metadata() {
        Optional<Path> blob = properties.apply(MDS_BLOB).map(String::trim).map(value -> readableFile(MDS_BLOB, value));
        Optional<URI> url = properties.apply(MDS_URL).map(String::trim).map(AuthenticatorPolicyResolver::url);
        Optional<Path> root = properties.apply(MDS_ROOT).map(String::trim).map(value -> readableFile(MDS_ROOT, value));
        if (blob.isPresent() && url.isPresent()) {
            throw new IllegalStateException("Set one of " + MDS_BLOB + " and " + MDS_URL + ", not both");
        }
        if (blob.isEmpty() && url.isEmpty()) {
            if (root.isPresent()) {
                throw new IllegalStateException(MDS_ROOT + " is set, but neither " + MDS_BLOB + " nor " + MDS_URL);
            }
            return Optional.empty();
        }
        return Optional.of(new MetadataSource(blob, url, root));
    }

    /**
     * {@code role:requirement+requirement, role:...}; the requirements are {@code attested},
     * {@code allowed} and {@code device-bound}.
     */
    private List<RolePolicy> rolePolicies() {
        List<RolePolicy> rules = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        for (String entry : entries(ROLE_POLICIES)) {
            int colon = entry.indexOf(':');
            String role = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!ROLE.matcher(role).matches()) {
                throw new IllegalStateException(ROLE_POLICIES + ": '" + entry
                        + "' is not role:requirement+..., e.g. admin:attested+allowed+device-bound");
            }
            if (!roles.add(role)) {
                throw new IllegalStateException(ROLE_POLICIES + ": role '" + role + "' has two rules; keep one");
            }
            Set<String> requirements = new LinkedHashSet<>();
            for (String requirement : entry.substring(colon + 1).split("\\+")) {
                String word = requirement.trim().toLowerCase(Locale.ROOT);
                if (!Set.of("attested", "allowed", "device-bound").contains(word)) {
                    throw new IllegalStateException(ROLE_POLICIES + ": '" + requirement.trim() + "' in '" + entry
                            + "' is not a requirement; use attested, allowed and device-bound, joined by +");
                }
                requirements.add(word);
            }
            rules.add(new RolePolicy(role, requirements.contains("attested"), requirements.contains("allowed"),
                    requirements.contains("device-bound")));
        }
        return rules;
    }

    private List<String> entries(String property) {
        return properties.apply(property)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Path readableFile(String property, String value) {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(property + ": cannot read the file " + value);
        }
        return file;
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("https", "file").contains(scheme)) {
                throw new IllegalStateException(MDS_URL + " must be an https (or file) URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(MDS_URL + " must be an https (or file) URL, not '" + value + "'");
        }
    }
}
