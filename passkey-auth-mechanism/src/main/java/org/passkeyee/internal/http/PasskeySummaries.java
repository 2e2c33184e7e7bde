package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.TreeSet;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.ceremony.AuthenticatorNames;

/** The JSON a caller sees of one of their passkeys: never the public key or the signature count. */
@Singleton
public class PasskeySummaries {

    private final AuthenticatorNames names;
    private final ProviderIcons icons;

    @Inject
    PasskeySummaries(AuthenticatorNames names) {
        this(names, ProviderIcons.ofApplication());
    }

    PasskeySummaries(AuthenticatorNames names, ProviderIcons icons) {
        this.names = names;
        this.icons = icons;
    }

    ObjectNode summary(StoredPasskey passkey) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("id", passkey.credentialId().getBase64Url())
                .put("label", passkey.label())
                .put("createdAt", passkey.createdAt().toString())
                .put("lastUsedAt", passkey.lastUsed().map(Object::toString).orElse(null))
                .put("provider", names.nameOf(passkey.aaguid()))
                .put("backupEligible", passkey.backupEligible())
                .put("backedUp", passkey.backedUp())
                .put("discoverable", passkey.discoverable());
        ProviderIcons.Icon icon = icons.of(passkey.aaguid());
        if (icon == null) {
            json.putNull("providerIcon");
        } else {
            json.putObject("providerIcon").put("light", icon.light()).put("dark", icon.dark());
        }
        ArrayNode transports = json.putArray("transports");
        new TreeSet<>(passkey.transports()).forEach(transports::add);
        return json;
    }
}
