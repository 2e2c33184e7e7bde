package org.passkeyee.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yubico.webauthn.data.ByteArray;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.StoredPasskey;
import org.passkeyee.internal.ceremony.AuthenticatorMetadata;
import org.passkeyee.internal.ceremony.AuthenticatorNames;

/** What a caller sees of a passkey's provider: the application's icon first, then the FIDO metadata's. */
class PasskeySummariesTest {

    private static final String SUPPLIED = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String IN_METADATA = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final String APPLICATIONS = "data:image/svg+xml;base64,PHN2Zy8+";
    private static final String METADATAS = "data:image/png;base64,iVBORw0KGgo=";

    private final AuthenticatorMetadata metadata = mock(AuthenticatorMetadata.class);
    private final PasskeySummaries summaries;

    PasskeySummariesTest() {
        when(metadata.icon(SUPPLIED)).thenReturn(Optional.of(METADATAS));
        when(metadata.icon(IN_METADATA)).thenReturn(Optional.of(METADATAS));
        AuthenticatorNames names = mock(AuthenticatorNames.class);
        when(names.nameOf(IN_METADATA)).thenReturn("Example Key");
        ProviderIcons icons = ProviderIcons.read(new ByteArrayInputStream(
                ("{\"" + SUPPLIED + "\": {\"light\": \"" + APPLICATIONS + "\"}}").getBytes(StandardCharsets.UTF_8)));
        summaries = new PasskeySummaries(names, icons, metadata);
    }

    @Test
    void summaryWhenTheApplicationSuppliesAnIconThenItsIconBeforeTheMetadatas() {
        ObjectNode summary = summaries.summary(passkey(SUPPLIED));

        assertEquals(APPLICATIONS, summary.path("providerIcon").path("light").asText());
        assertEquals(APPLICATIONS, summary.path("providerIcon").path("dark").asText());
    }

    @Test
    void summaryWhenOnlyTheMetadataHasAnIconThenItsIconForLightAndDark() {
        ObjectNode summary = summaries.summary(passkey(IN_METADATA));

        assertEquals("Example Key", summary.path("provider").asText());
        assertEquals(METADATAS, summary.path("providerIcon").path("light").asText());
        assertEquals(METADATAS, summary.path("providerIcon").path("dark").asText());
    }

    @Test
    void summaryWhenNoOneHasAnIconThenNull() {
        ObjectNode summary = summaries.summary(passkey("aaaaaaaa-0000-4000-8000-000000000003"));

        assertTrue(summary.get("providerIcon").isNull());
        assertTrue(summary.path("publicKey").isMissingNode() && summary.path("signatureCount").isMissingNode());
    }

    private static StoredPasskey passkey(String aaguid) {
        return new StoredPasskey(new ByteArray(new byte[] {1, 2, 3}), new ByteArray(new byte[] {4}), new ByteArray(new byte[] {5}),
                7, Set.of("internal"), aaguid, true, true, true, "none", "My key", Instant.EPOCH, null);
    }
}
