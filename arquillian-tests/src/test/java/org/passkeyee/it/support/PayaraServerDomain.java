package org.passkeyee.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Arquillian extension (registered in {@code META-INF/services}): on the rows payara-server-*, starts
 * the row's Payara Server domain with {@code asadmin start-domain} before the remote connector
 * connects to it, and stops it with {@code asadmin stop-domain} when the connector is done, so
 * that one row's domain never runs during another row. The build created and configured the domain
 * beforehand ({@code servers/payara-server/create-domain.sh}) and stops it again after the
 * integration tests, in case this JVM died. Does nothing for other containers, or without the
 * system properties {@value #HOME} and {@value #DOMAIN_DIR}.
 */
public class PayaraServerDomain implements LoadableExtension {

    /** The unpacked Payara Server distribution (the directory holding {@code bin/asadmin}). */
    public static final String HOME = "payara.server.home";
    /** The directory holding the row's domain, {@code passkey}. */
    public static final String DOMAIN_DIR = "payara.server.domain.dir";

    private static final String DOMAIN = "passkey";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** The observer; public for Arquillian. */
    public static class Observer {

        public void startDomain(@Observes BeforeStart event) {
            if (isPayaraServer(event.getDeployableContainer().getClass())) {
                asadmin("start-domain");
            }
        }

        public void stopDomain(@Observes AfterStop event) {
            if (isPayaraServer(event.getDeployableContainer().getClass())) {
                asadmin("stop-domain");
            }
        }
    }

    private static boolean isPayaraServer(Class<?> container) {
        return container.getName().startsWith("fish.payara.arquillian.container.payara.remote.")
                && System.getProperty(HOME) != null && System.getProperty(DOMAIN_DIR) != null;
    }

    /** Runs {@code asadmin SUBCOMMAND --domaindir DIR passkey}; its output goes to the domain directory's asadmin.log. */
    private static void asadmin(String subcommand) {
        run(subcommand, List.of(subcommand, "--domaindir", Path.of(System.getProperty(DOMAIN_DIR)).toString(), DOMAIN));
    }

    /**
     * Adds a user to the running domain's file realm, Payara's default realm, as an admin does
     * ({@code asadmin create-file-user}), replacing one of the same name: the realm Payara asks
     * for the groups of any caller it is told about by name.
     *
     * @param password the user's password
     * @param groups   the user's groups, as {@code create-file-user --groups} takes them ({@code a:b})
     */
    public static void fileRealmUser(String name, String password, String groups) {
        Path passwordFile = Path.of(System.getProperty(DOMAIN_DIR)).resolve("realm-user.password");
        String port = System.getProperty("payara.server.admin.port");
        try {
            java.nio.file.Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + password + "\n");
            run("delete-file-user", List.of("--port", port, "delete-file-user", name), true);
            run("create-file-user", List.of("--port", port, "--passwordfile", passwordFile.toString(),
                    "create-file-user", "--groups", groups, name));
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + passwordFile, e);
        }
    }

    private static void run(String subcommand, List<String> arguments) {
        run(subcommand, arguments, false);
    }

    private static void run(String subcommand, List<String> arguments, boolean mayFail) {
        Path domainDir = Path.of(System.getProperty(DOMAIN_DIR));
        File log = domainDir.resolve("asadmin.log").toFile();
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of(System.getProperty(HOME), "bin", "asadmin").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + subcommand + " did not end within " + TIMEOUT + " (see " + log + ")");
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException("asadmin " + subcommand + " failed with " + process.exitValue() + " (see " + log + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run asadmin " + subcommand, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
