package org.passkeyee.internal.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.passkeyee.StoredPasskey;

/**
 * Which authenticators may make a new passkey (issue 20), read once at start by
 * {@link AuthenticatorPolicyResolver}.
 *
 * <p>An AAGUID is whatever the client claims unless the attestation verified: without
 * {@link AttestationPolicy#required() attestation} the lists only guide honest clients.
 *
 * @param allowedAaguids AAGUIDs (lower-case, dashed) a new passkey must have; empty: any
 * @param deniedAaguids  AAGUIDs a new passkey must not have
 * @param rolePolicies   stricter rules for callers in a role who add a passkey
 * @param attestation    what attestation is asked for and required
 * @param metadata       where the FIDO metadata comes from; present whenever attestation is required
 */
public record AuthenticatorPolicy(Set<String> allowedAaguids, Set<String> deniedAaguids, List<RolePolicy> rolePolicies,
                                  AttestationPolicy attestation, Optional<MetadataSource> metadata) {

    /** Anything goes: no lists, no role rules, no attestation, no metadata. */
    public static final AuthenticatorPolicy OPEN =
            new AuthenticatorPolicy(Set.of(), Set.of(), List.of(), AttestationPolicy.NONE, Optional.empty());

    public AuthenticatorPolicy {
        allowedAaguids = Set.copyOf(allowedAaguids);
        deniedAaguids = Set.copyOf(deniedAaguids);
        rolePolicies = List.copyOf(rolePolicies);
    }

    /**
     * Whether the lists let this AAGUID register: not denied, and on the allow list unless that
     * list is empty.
     *
     * @param aaguid lower-case dashed, or {@code null} when the authenticator gave none
     */
    public boolean listsAllow(String aaguid) {
        if (aaguid != null && deniedAaguids.contains(aaguid)) {
            return false;
        }
        return allowedAaguids.isEmpty() || onAllowList(aaguid);
    }

    /** Whether this AAGUID is on the allow list (an empty list allows none by this test). */
    public boolean onAllowList(String aaguid) {
        return aaguid != null && allowedAaguids.contains(aaguid);
    }

    /**
     * The roles among a passkey caller's groups whose rules the passkey does not meet, as it was
     * registered: a passkey added before its holder got such a role signs in without it. Groups
     * are taken as the roles they become (the container's default mapping). What is stored
     * decides: its AAGUID ({@code allowed}), backup eligibility ({@code device-bound}), and for
     * {@code attested} an attestation statement at all (format other than {@code none}); whether a
     * statement was trusted is decided at registration only.
     */
    public Set<String> rolesNotMetBy(StoredPasskey passkey, Set<String> groups) {
        return rulesFor(groups::contains).stream()
                .filter(rule -> rule.attested() && (passkey.attestationFormat() == null || "none".equals(passkey.attestationFormat()))
                        || rule.allowed() && !onAllowList(passkey.aaguid())
                        || rule.deviceBound() && passkey.backupEligible())
                .map(RolePolicy::role)
                .collect(Collectors.toSet());
    }

    /** The role rules that apply to a caller, given the container's role test. */
    public List<RolePolicy> rulesFor(Predicate<String> callerInRole) {
        return rolePolicies.stream().filter(rule -> callerInRole.test(rule.role())).toList();
    }
}
