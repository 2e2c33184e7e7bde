package org.passkeyee.browser.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * One headless Chromium with a fresh profile and a virtual platform authenticator (CTAP2, resident
 * keys, user verification), pointed at a deployment through {@code http://localhost:PORT}: Payara
 * Micro advertises the host's address, but WebAuthn refuses an IP address as relying party ID.
 * Selenium uses the Debian binaries and never downloads a driver.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private VirtualAuthenticator authenticator;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser asking for English pages, with the WebAuthn recorder installed. */
    public static Browser open(URL deployment) {
        return open(deployment, "en-US");
    }

    /** A browser whose language (and Accept-Language) is the given one, e.g. {@code de}. */
    public static Browser open(URL deployment, String language) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--user-data-dir=" + profile,
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Browser browser = new Browser(driver, profile, localhost(deployment));
        browser.injectBeforeEveryPage("webauthn-recorder.js");
        browser.useNewAuthenticator();
        return browser;
    }

    private static String localhost(URL deployment) {
        String path = deployment.getPath().replaceAll("/$", "");
        return URI.create("http://localhost:" + deployment.getPort() + path).toString();
    }

    /** Runs a script of the test resources in every page before the page's own scripts. */
    public void injectBeforeEveryPage(String resource) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", resource(resource)));
    }

    /** Replaces the authenticator (and its passkeys) with a new, empty one: another device. */
    public VirtualAuthenticator useNewAuthenticator() {
        if (authenticator != null) {
            driver.removeVirtualAuthenticator(authenticator);
        }
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        return authenticator;
    }

    /** The current virtual authenticator. */
    public VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Switches the authenticator's simulated user presence: off, a conditional request waits for a
     * person who never comes (as in a real browser), and so does any other request.
     */
    public void simulatePresence(boolean on) {
        driver.executeCdpCommand("WebAuthn.setAutomaticPresenceSimulation",
                Map.of("authenticatorId", authenticator.getId(), "enabled", on));
    }

    /** Opens a page of the deployment, e.g. {@code /login.xhtml}. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path of the current page below the deployment, e.g. {@code /account/}, without path parameters. */
    public String path() {
        String path = URI.create(driver.getCurrentUrl()).getPath().substring(URI.create(base).getPath().length());
        int parameters = path.indexOf(';');
        return parameters < 0 ? path : path.substring(0, parameters);
    }

    /** Waits until the current page's path starts with the given one. */
    public void waitForPath(String path) {
        until(d -> path().startsWith(path), "the page " + path + " (now " + driver.getCurrentUrl() + ")");
    }

    /** The element, waiting until it is displayed. */
    public WebElement visible(By by) {
        return waitFor(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null),
                "a visible " + by);
    }

    /** Waits until the element's text contains the given text, and answers the whole text. */
    public String waitForText(By by, String text) {
        return waitFor(d -> d.findElements(by).stream().map(WebElement::getText)
                .filter(found -> found.contains(text)).findFirst().orElse(null), "'" + text + "' in " + by);
    }

    /**
     * Waits for a condition, with a failure message saying what was awaited. An element that a page
     * load or a Faces update replaced while it was read counts as "not yet", not as a failure.
     */
    public void until(ExpectedCondition<Boolean> condition, String what) {
        waitFor(condition, what);
    }

    private <T> T waitFor(ExpectedCondition<T> condition, String what) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waited for " + what).until(condition);
    }

    /** Types into an input, replacing what it held. */
    public void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    /** Runs a script in the page. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Runs an asynchronous script whose last argument is the callback. */
    public Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** The WebAuthn calls recorded in this tab (see {@code webauthn-recorder.js}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> webAuthnRecord() {
        Object record = driver.executeScript("return JSON.parse(sessionStorage.getItem('__webauthnRecord') || '[]');");
        return (List<Map<String, Object>>) record;
    }

    /**
     * Signs out as a person closing the browser would: every cookie of the site is gone, and so is
     * the tab's session storage (with the WebAuthn record so far).
     */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
        driver.executeScript("sessionStorage.clear()");
    }

    /** Saves a screenshot as {@code NAME.png} in the screenshots directory. */
    public void screenshot(String name) {
        try {
            Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(directory);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver, for what this class does not offer. */
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory under target/: mvn clean removes what is left
        }
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
