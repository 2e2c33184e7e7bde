package org.passkeyee.browser.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the browser tests deploy. */
public final class Deployments {

    /** System property (set by Failsafe) holding the path of the built sample WAR. */
    public static final String SAMPLE_WAR_PROPERTY = "sample.war";

    private Deployments() {
    }

    /** The sample application exactly as built. */
    public static WebArchive sampleApp() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, sampleWar());
    }

    /**
     * An empty WAR holding only the sample's libraries ({@code WEB-INF/lib}: the passkey JARs and
     * Yubico's library), the way an existing application adds the module's JARs to its own WAR.
     */
    public static WebArchive librariesOnly(String name) {
        WebArchive sample = sampleApp();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name);
        sample.getContent(Filters.include("/WEB-INF/lib/.*\\.jar")).forEach((ArchivePath path, org.jboss.shrinkwrap.api.Node node) ->
                war.add(node.getAsset(), path));
        return war;
    }

    private static File sampleWar() {
        String path = System.getProperty(SAMPLE_WAR_PROPERTY);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property " + SAMPLE_WAR_PROPERTY
                    + " must name the built sample WAR, but is " + path);
        }
        return new File(path);
    }
}
