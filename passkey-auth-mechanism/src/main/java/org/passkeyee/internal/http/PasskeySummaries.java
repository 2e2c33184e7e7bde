package org.passkeyee.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.TreeSet;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.shared.Json;
import org.passkeyee.internal.ceremony.AuthenticatorMetadata;
import org.passkeyee.internal.ceremony.AuthenticatorNames;

/**
 * The JSON a caller sees of one of their passkeys: never the public key or the signature count.
 * The provider's icon is the application's ({@link ProviderIcons}), else the FIDO metadata's.
 */
@Singleton
public class PasskeySummaries {

    private final AuthenticatorNames names;
    private final ProviderIcons icons;
    private final AuthenticatorMetadata metadata;

    @Inject
    PasskeySummaries(AuthenticatorNames names, AuthenticatorMetadata metadata) {
        this(names, ProviderIcons.ofApplication(), metadata);
    }

    PasskeySummaries(AuthenticatorNames names, ProviderIcons icons, AuthenticatorMetadata metadata) {
        this.names = names;
        this.icons = icons;
        this.metadata = metadata;
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
        ProviderIcons.Icon icon = icon(passkey.aaguid());
        if (icon == null) {
            json.putNull("providerIcon");
        } else {
            json.putObject("providerIcon").put("light", icon.light()).put("dark", icon.dark());
        }
        ArrayNode transports = json.putArray("transports");
        new TreeSet<>(passkey.transports()).forEach(transports::add);
        return json;
    }

    /** The application's icon for the provider, else the one in its FIDO metadata (for light and dark alike). */
    private ProviderIcons.Icon icon(String aaguid) {
        ProviderIcons.Icon supplied = icons.of(aaguid);
        return supplied != null ? supplied : metadata.icon(aaguid).map(icon -> new ProviderIcons.Icon(icon, icon)).orElse(null);
    }
}
