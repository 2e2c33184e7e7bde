package org.passkeyee.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.PackageDependencies;

/**
 * The store's rooms, from its compiled classes: no package cycles, and the core used through its
 * public API only.
 */
class LayersTest {

    private static final PackageDependencies STORE = PackageDependencies.of(Path.of("target", "classes"));

    @Test
    void packagesThenNoCycles() {
        assertEquals(List.of(), STORE.cycles());
    }

    @Test
    void everyPackageThenUsesNoneOfTheCoresInternals() {
        STORE.all().forEach((from, uses) -> assertTrue(uses.stream().noneMatch(p -> p.startsWith("org.passkeyee.internal")),
                from + " uses " + uses));
    }
}
