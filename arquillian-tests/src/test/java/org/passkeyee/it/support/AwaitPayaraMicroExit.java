package org.passkeyee.it.support;

import java.time.Duration;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.container.spi.event.container.ContainerEvent;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Arquillian extension (registered in {@code META-INF/services}): after the Payara Micro
 * connector undeploys, waits until the server process it stopped has exited. The connector starts
 * a Payara Micro process per deployment and, at undeploy, only signals it to stop; the next
 * deployment's server would otherwise start while the old one still holds the HTTP port (and, with
 * a root directory, the embedded database), and end up unreachable. Does nothing for other
 * containers (Payara Server included: its domain outlives deployments).
 */
public class AwaitPayaraMicroExit implements LoadableExtension {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** The observer; public for Arquillian. */
    public static class Observer {

        public void awaitExit(@Observes AfterUnDeploy event) {
            String port = System.getProperty("payara.http.port");
            if (port != null && isPayaraMicro(event)) {
                ServerProcesses.awaitExitOfEveryProcessWith(SHUTDOWN_TIMEOUT, "--port", port);
                ServerProcesses.awaitPortFree(Integer.parseInt(port), SHUTDOWN_TIMEOUT);
            }
        }

        /** Also before a deployment: the port may still be held by a server of an earlier test class. */
        public void awaitFreePort(@Observes BeforeDeploy event) {
            String port = System.getProperty("payara.http.port");
            if (port != null && isPayaraMicro(event)) {
                ServerProcesses.awaitPortFree(Integer.parseInt(port), SHUTDOWN_TIMEOUT);
            }
        }
    }

    private static boolean isPayaraMicro(ContainerEvent event) {
        return event.getDeployableContainer().getClass().getSimpleName().startsWith("PayaraMicro");
    }
}
