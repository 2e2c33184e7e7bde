package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passkeyee.internal.config.MetadataSource;
import org.passkeyee.testsupport.TestMetadataService;

/**
 * Provider names and icons from the FIDO metadata: shown where the lists the module ships and the
 * application supplies say nothing, and only when they are safe to show.
 */
class MetadataDisplayTest {

    private static final String ICON = "data:image/png;base64,iVBORw0KGgo=";
    private static final String LISTED = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4"; // Google Password Manager in the bundled list

    @TempDir
    static Path directory;
    private static TestMetadataService mds;

    @BeforeAll
    static void makeService() {
        mds = new TestMetadataService(directory);
    }

    private static AuthenticatorMetadata metadataOf(TestMetadataService.Entry... entries) {
        Path blob = mds.blob("display-" + System.nanoTime() + ".jwt", LocalDate.now().plusDays(30), entries);
        return AuthenticatorMetadata.load(new MetadataSource(Optional.of(blob), Optional.empty(), Optional.of(mds.rootCertificateFile())));
    }

    private static TestMetadataService.Entry entry(String aaguid, String description, String icon) {
        return TestMetadataService.entry(TestMetadataService.Model.newModel(aaguid), "FIDO_CERTIFIED").describedAs(description, icon);
    }

    @Test
    void nameOfWhenOnNoListThenTheMetadataDescription() {
        TestMetadataService.Entry entry = entry("0d9b2e56-566b-c393-2940-f821b7f15d6d", "Example Key 5 NFC", ICON);

        AuthenticatorNames names = new AuthenticatorNames(metadataOf(entry));

        assertEquals("Example Key 5 NFC", names.nameOf(entry.aaguid()));
        assertEquals(AuthenticatorNames.GENERIC_NAME, names.nameOf("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void nameOfWhenOnTheBundledListThenThatNameBeforeTheMetadata() {
        AuthenticatorNames names = new AuthenticatorNames(metadataOf(entry(LISTED, "Something else", null)));

        assertEquals("Google Password Manager", names.nameOf(LISTED));
    }

    @Test
    void iconWhenTheMetadataGivesAnImageDataUriThenThatImage() {
        TestMetadataService.Entry entry = entry("4a6f07a2-8b70-4c5e-a4a2-5f9d3f0b6c11", "Example Key", ICON);

        assertEquals(Optional.of(ICON), metadataOf(entry).icon(entry.aaguid()));
        assertEquals(Optional.empty(), AuthenticatorMetadata.none().icon(entry.aaguid()), "no metadata, no icon");
    }

    @Test
    void descriptionAndIconWhenUnsafeToShowThenLeftOut() {
        TestMetadataService.Entry tracker = entry("6a9e5c4c-3b1f-4a63-9e21-2c7a0e1f0d01",
                "Key\u202Eyek", "https://tracker.example/icon.png");
        TestMetadataService.Entry long_ = entry("6a9e5c4c-3b1f-4a63-9e21-2c7a0e1f0d02",
                "An authenticator whose description runs on for far longer than any passkey label may", "data:text/html;base64,PGI+");

        AuthenticatorMetadata metadata = metadataOf(tracker, long_);

        assertEquals(Optional.empty(), metadata.description(tracker.aaguid()), "a bidi override");
        assertEquals(Optional.empty(), metadata.icon(tracker.aaguid()), "an address the browser would call");
        assertEquals(Optional.empty(), metadata.description(long_.aaguid()), "longer than a label");
        assertEquals(Optional.empty(), metadata.icon(long_.aaguid()), "not an image");
    }
}
