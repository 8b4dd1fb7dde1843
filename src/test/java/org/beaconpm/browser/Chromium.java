package org.beaconpm.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, started once for the whole test run and closed at its end. Playwright never
 * downloads a browser of its own here.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    /** Without the networking flags Chromium keeps trying to reach Google's services, and fails noisily. */
    private static final List<String> ARGUMENTS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Fails on CI, where a missing browser is a broken build; skips elsewhere, saying how to install it. */
    static void requireInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String missing = "The browser tests need Chromium at " + EXECUTABLE;
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(
                    missing + ", and CI must run them: install it with apt-get install -y chromium");
        }
        Assumptions.abort(missing + "; install it with: sudo apt-get install -y chromium");
    }

    static Chromium launch() {
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(EXECUTABLE)
                            .setHeadless(true)
                            .setArgs(ARGUMENTS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException failed) {
            playwright.close();
            throw failed;
        }
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
