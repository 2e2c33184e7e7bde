package org.passkeyee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.PackageDependencies;

/**
 * The core's packages form layers, as the package map in {@code package-info.java} draws them:
 * no package cycles, the public API and the shared leaves use no implementation package, and only
 * the HTTP edge (and the composition root) use the HTTP edge.
 */
class LayersTest {

    private static final PackageDependencies CORE = PackageDependencies.of(Path.of("target", "classes"));

    @Test
    void packagesThenNoCycles() {
        assertEquals(List.of(), CORE.cycles());
    }

    @Test
    void publicApiAndSharedLeavesThenUseNoImplementationPackage() {
        assertEquals(Set.of(), CORE.usedBy("org.passkeyee"));
        assertEquals(Set.of("org.passkeyee"), CORE.usedBy("org.passkeyee.internal.shared"));
    }

    @Test
    void httpEdgeThenUsedOnlyByTheCompositionRoot() {
        Set<String> usersOfHttp = CORE.all().entrySet().stream()
                .filter(uses -> uses.getValue().contains("org.passkeyee.internal.http"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertEquals(Set.of("org.passkeyee.internal"), usersOfHttp);
    }

    @Test
    void ceremoniesThenKnowNothingOfTheContainerEdge() {
        for (String ceremony : List.of("org.passkeyee.internal.ceremony", "org.passkeyee.internal.ceremony.pending")) {
            Set<String> used = CORE.usedBy(ceremony);
            assertTrue(used.stream().noneMatch(p -> p.endsWith(".security") || p.endsWith(".http")), ceremony + " uses " + used);
        }
    }
}
