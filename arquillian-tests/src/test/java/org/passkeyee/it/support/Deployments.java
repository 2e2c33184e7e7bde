package org.passkeyee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: the sample WAR plus test-only helpers. */
public final class Deployments {

    /** System property (set by Failsafe) holding the path of the built sample WAR. */
    public static final String SAMPLE_WAR_PROPERTY = "sample.war";

    private static final ArchivePath MICROPROFILE_CONFIG =
            ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private Deployments() {
    }

    /** The sample application as built, plus the {@link StoreSnapshotServlet}. */
    public static WebArchive sampleApp() {
        String path = System.getProperty(SAMPLE_WAR_PROPERTY);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property " + SAMPLE_WAR_PROPERTY
                    + " must name the built sample WAR, but is " + path);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path))
                .addClass(StoreSnapshotServlet.class);
    }

    /**
     * The sample application with extra MicroProfile Config properties, appended to the WAR's
     * own {@code microprofile-config.properties} (so they win over it) or in a new one.
     */
    public static WebArchive sampleAppWithConfig(String properties) {
        WebArchive war = sampleApp();
        String existing = "";
        if (war.contains(MICROPROFILE_CONFIG)) {
            existing = read(war.get(MICROPROFILE_CONFIG).getAsset().openStream()) + "\n";
            war.delete(MICROPROFILE_CONFIG);
        }
        return war.add(new StringAsset(existing + properties), MICROPROFILE_CONFIG);
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
