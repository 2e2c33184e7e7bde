package org.passkeyee.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passkeyee.testsupport.PackageDependencies;

/** The widgets use the core through its public API only, never its implementation. */
class CorePublicApiOnlyTest {

    @Test
    void compiledClassesThenUseOnlyTheCoresPublicPackage() {
        PackageDependencies widgets = PackageDependencies.of(Path.of("target", "classes"));

        assertEquals(Set.of("org.passkeyee"), widgets.usedBy("org.passkeyee.faces"));
    }
}
