package org.passkeyee.internal.config;

/**
 * What a passkey added by a caller in {@code role} must be ({@code passkey.role-policies}), for
 * example {@code admin:attested+allowed+device-bound}.
 *
 * @param role        the container role ({@code isUserInRole}) the rule applies to
 * @param attested    its attestation verified against the FIDO metadata ({@code attested}); the
 *                    creation options of such a caller ask for it, whatever {@code passkey.attestation} says
 * @param allowed     its AAGUID on {@code passkey.allowed-aaguids} ({@code allowed})
 * @param deviceBound not backup eligible, so it cannot be synced off the device ({@code device-bound})
 */
public record RolePolicy(String role, boolean attested, boolean allowed, boolean deviceBound) {

    /** The rule as the admin writes it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(role).append(':');
        String separator = "";
        if (attested) {
            text.append("attested");
            separator = "+";
        }
        if (allowed) {
            text.append(separator).append("allowed");
            separator = "+";
        }
        if (deviceBound) {
            text.append(separator).append("device-bound");
        }
        return text.toString();
    }
}
