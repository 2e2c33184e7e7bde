package org.passkeyee.browser.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test class: Arquillian deploys the class's {@code @Deployment(testable = false)} (one
 * Payara Micro for the whole class), and each test gets a fresh {@link Browser} on it, closed after
 * the test (see {@link OpenBrowser}). The class declares the two fields this needs:
 *
 * <pre>
 * &#64;ArquillianResource
 * URL deployment;   // where the browser points
 *
 * Browser browser;  // set before each test
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(OpenBrowser.class) // after Arquillian: its beforeEach injects the deployment's URL first
public @interface BrowserTest {
}
