package org.passkeyee.it.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.passkeyee.it.support.Deployments;

/**
 * The libraries a WAR gets with the module, as the BOM decides them (the WebAuthn library asks
 * for version ranges, which would otherwise pull whatever is newest, pre-releases included).
 */
class SampleWarLibrariesTest {

    private static final Pattern PRE_RELEASE = Pattern.compile("(?i)[-.]((alpha|beta|rc|cr)\\d*|m\\d+)([-.].*)?\\.jar$|-SNAPSHOT\\.jar$");
    private static final Pattern JACKSON = Pattern.compile("^jackson-[a-z0-9-]+?-(\\d+\\.\\d+)(\\.\\d+)?\\.jar$");

    @Test
    void everyThirdPartyLibraryIsAReleaseAndJacksonIsOneVersion() throws IOException {
        List<String> libraries = libraries();
        assertFalse(libraries.isEmpty(), "no WEB-INF/lib in the sample WAR");

        List<String> preReleases = libraries.stream()
                .filter(name -> !name.startsWith("passkey-"))
                .filter(name -> PRE_RELEASE.matcher(name).find())
                .toList();
        assertEquals(List.of(), preReleases, "pre-release libraries in the WAR");

        Set<String> jacksonVersions = libraries.stream()
                .map(JACKSON::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(1, jacksonVersions.size(), () -> "Jackson modules of several versions: " + libraries);
        assertTrue(libraries.stream().anyMatch(name -> name.startsWith("slf4j-jdk14-")),
                () -> "no SLF4J provider for the WebAuthn library's logging: " + libraries);
    }

    private static List<String> libraries() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty(Deployments.SAMPLE_WAR_PROPERTY))) {
            return war.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("WEB-INF/lib/".length()))
                    .sorted()
                    .toList();
        }
    }
}
