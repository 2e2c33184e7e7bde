package org.passkeyee.internal.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the FIDO Metadata Service BLOB comes from: a file the admin provides
 * ({@code passkey.mds-blob}) or a URL it is downloaded from ({@code passkey.mds-url}), exactly one
 * of the two; and the root certificate its signature must chain to
 * ({@code passkey.mds-root-certificate}, a PEM file), or the FIDO Alliance's root bundled with the
 * module when absent.
 *
 * @param blobFile        the BLOB as a file, in JWT compact form
 * @param blobUrl         the URL to download the BLOB from
 * @param rootCertificate a PEM file with the root certificate, instead of the bundled one
 */
public record MetadataSource(Optional<Path> blobFile, Optional<URI> blobUrl, Optional<Path> rootCertificate) {

    public MetadataSource {
        if (blobFile.isPresent() == blobUrl.isPresent()) {
            throw new IllegalArgumentException("exactly one of blobFile and blobUrl");
        }
    }

    /** The file or URL, as a person reading a log line recognises it. */
    public String describe() {
        return blobFile.map(file -> "passkey.mds-blob " + file).orElseGet(() -> "passkey.mds-url " + blobUrl.orElseThrow());
    }
}
