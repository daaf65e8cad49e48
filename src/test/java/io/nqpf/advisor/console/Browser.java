package io.nqpf.advisor.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, from the Debian packages chromium and chromium-driver (never downloaded at
 * run time). Without them the browser tests are skipped with a message saying what to install, except in CI
 * (environment CI set), where .ci/run installs them and a missing browser is a failure.
 */
final class Browser implements AutoCloseable {

    static final String INSTALL = "apt-get install -y chromium chromium-driver fonts-noto-cjk";
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profileDir;

    private Browser(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        // a view re-rendered while a condition reads it (the catalog's titles arriving, a language switch) leaves
        // stale elements behind: the condition is simply tried again
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        this.profileDir = profileDir;
    }

    /** A browser whose language (navigator.languages and Accept-Language) is lang; skips the test without one. */
    static Browser start(String lang) {
        Optional<Path> chromium = find("CHROME_BIN", CHROMIUM);
        Optional<Path> chromedriver = find("CHROMEDRIVER", DRIVER);
        String missing = "Browser tests skipped: no " + (chromium.isEmpty() ? "chromium (looked at "
                + where("CHROME_BIN", CHROMIUM) + ")" : "") + (chromium.isEmpty() && chromedriver.isEmpty() ? " and no " : "")
                + (chromedriver.isEmpty() ? "chromedriver (looked at " + where("CHROMEDRIVER", DRIVER) + ")" : "")
                + "; install them with: " + INSTALL;
        if (System.getenv("CI") != null && (chromium.isEmpty() || chromedriver.isEmpty())) {
            Assertions.fail(missing.replace("Browser tests skipped", "CI must run the browser tests"));
        }
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            System.err.println("WARNING: " + missing);
        }
        Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(), missing);
        try {
            Path profileDir = Files.createTempDirectory("nqpf-console-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1600",
                    "--user-data-dir=" + profileDir, "--lang=" + lang);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profileDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(String env, List<String> candidates) {
        return System.getenv(env) != null ? env + "=" + System.getenv(env) : String.join(", ", candidates);
    }

    /** The executable the environment variable names, when it is set; else the first of the candidates there is. */
    private static Optional<Path> find(String env, List<String> candidates) {
        String chosen = System.getenv(env);
        return (chosen != null ? Stream.of(chosen) : candidates.stream()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** Opens url with no remembered language or profile, and waits until the console has loaded. */
    void open(String url) {
        errors();
        driver.get(url);
        script("localStorage.clear(); sessionStorage.clear();");
        driver.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** The errors the page logged since the last call: script errors, refused resources, policy violations. */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Lets the page save downloads into a new temporary directory, which it returns. */
    Path downloadsToTempDir() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("nqpf-downloads");
            driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                    "downloadPath", dir.toAbsolutePath().toString()));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first finished download in a directory whose name ends so, once there is one. */
    static Optional<Path> downloaded(Path dir, String suffix) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** A PNG of the page from the top of one element to the bottom of another, as wide as the main column. */
    byte[] screenshot(String fromId, String toId) {
        Number top = (Number) script("return arguments[0].getBoundingClientRect().top + window.scrollY", byId(fromId));
        Number bottom = (Number) script("return arguments[0].getBoundingClientRect().bottom + window.scrollY", byId(toId));
        Number left = (Number) script("return arguments[0].getBoundingClientRect().left", byId("main"));
        Number width = (Number) script("return arguments[0].getBoundingClientRect().width", byId("main"));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true, "clip", Map.of("x", left, "y", Math.max(0, top.doubleValue() - 16),
                        "width", width, "height", bottom.doubleValue() - top.doubleValue() + 32, "scale", 0.8)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
