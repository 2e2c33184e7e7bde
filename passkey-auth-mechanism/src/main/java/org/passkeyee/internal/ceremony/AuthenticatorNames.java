package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.passkeyee.internal.shared.Json;

/**
 * Names of passkey providers by AAGUID, for display only: an AAGUID is whatever the authenticator
 * claims and must never decide anything about security. The module ships the community list;
 * an application adds or overrides entries in {@code META-INF/passkeyee/aaguid-names.json} of
 * its own (same format: {@code {"aaguid": "Name"}}). An AAGUID on neither list is named by its
 * description in the FIDO metadata, when the module has the metadata.
 */
@Singleton
public class AuthenticatorNames {

    static final String GENERIC_NAME = "Passkey";
    private static final String BUNDLED = "/org/passkeyee/internal/aaguid-names.json";
    private static final String APPLICATION = "META-INF/passkeyee/aaguid-names.json";

    private final Map<String, String> names;
    private final AuthenticatorMetadata metadata;

    @Inject
    AuthenticatorNames(AuthenticatorMetadata metadata) {
        this.metadata = metadata;
        Map<String, String> all = new HashMap<>(read(AuthenticatorNames.class.getResourceAsStream(BUNDLED)));
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (application != null) {
            all.putAll(read(application.getResourceAsStream(APPLICATION)));
        }
        this.names = Map.copyOf(all);
    }

    /** The provider's name, or "Passkey" for an unknown or all-zero AAGUID. */
    public String nameOf(String aaguid) {
        if (aaguid == null) {
            return GENERIC_NAME;
        }
        String listed = names.get(aaguid);
        return listed != null ? listed : metadata.description(aaguid).orElse(GENERIC_NAME);
    }

    private static Map<String, String> read(InputStream json) {
        if (json == null) {
            return Map.of();
        }
        try (json) {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable AAGUID names table", e);
        }
    }
}
