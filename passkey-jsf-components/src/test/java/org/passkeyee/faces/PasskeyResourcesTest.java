package org.passkeyee.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.application.ResourceDependency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each widget declares the shared script first, then its own, then the stylesheet; all of them ship. */
class PasskeyResourcesTest {

    static Stream<Arguments> widgets() {
        return Stream.of(
                Arguments.of(PasskeySignIn.class, new PasskeySignInRenderer(), PasskeyResources.SIGN_IN_SCRIPT),
                Arguments.of(PasskeyRegistration.class, new PasskeyRegistrationRenderer(), PasskeyResources.REGISTER_SCRIPT),
                Arguments.of(PasskeyUpgrade.class, new PasskeyUpgradeRenderer(), PasskeyResources.UPGRADE_SCRIPT),
                Arguments.of(PasskeyManager.class, new PasskeyManagerRenderer(), PasskeyResources.MANAGE_SCRIPT));
    }

    @ParameterizedTest
    @MethodSource("widgets")
    void widgetLoadsTheSharedScriptThenItsOwnThenTheStylesheet(Class<?> component, PasskeyWidgetRenderer renderer,
                                                               String ownScript) {
        List<ResourceDependency> dependencies = Arrays.asList(component.getAnnotationsByType(ResourceDependency.class));
        assertEquals(List.of(PasskeyResources.CORE_SCRIPT, ownScript, PasskeyResources.STYLESHEET),
                dependencies.stream().map(ResourceDependency::name).toList());
        for (ResourceDependency dependency : dependencies) {
            assertEquals(PasskeyResources.LIBRARY, dependency.library());
            assertEquals("head", dependency.target());
            assertNotNull(resource(dependency.name()), dependency.name() + " ships");
        }
    }

    @ParameterizedTest
    @MethodSource("widgets")
    void widgetScriptStartsTheKindItsRendererWrites(Class<?> component, PasskeyWidgetRenderer renderer,
                                                    String ownScript) throws IOException {
        assertTrue(text(ownScript).contains("pk.define('" + renderer.kind() + "', "), ownScript);
    }

    @Test
    void theSharedScriptKeepsThePublicEntryPoints() throws IOException {
        String core = text(PasskeyResources.CORE_SCRIPT);
        assertTrue(core.contains("window.passkeyee = Object.freeze({ version: 1, start: initAll, stepUp: pageStepUp"), core);
    }

    private static InputStream resource(String name) {
        return PasskeyResourcesTest.class.getResourceAsStream(
                "/META-INF/resources/" + PasskeyResources.LIBRARY + "/" + name);
    }

    private static String text(String name) throws IOException {
        try (InputStream in = resource(name)) {
            assertNotNull(in, name + " ships");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
