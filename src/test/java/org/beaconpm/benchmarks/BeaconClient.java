package org.beaconpm.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Talks to a running Beacon over real HTTP on the loopback address: signs in through the login form (for the
 * actuator's metrics, which only a signed-in administrator may read), issues itself an API token on the account page
 * as a person would, and calls the API with it.
 */
final class BeaconClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*>\\s*(bcn_[A-Za-z0-9_-]+)");

    private final String base;
    private final String email;
    private final String password;
    private final HttpClient session;
    private final CookieManager cookies = new CookieManager();
    private String token;

    BeaconClient(String base, String email, String password) {
        this.base = base;
        this.email = email;
        this.password = password;
        this.session = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Waits until the health endpoint answers 200, or the deadline passes, or the server dies. */
    void awaitHealthy(Duration timeout, BeaconProcess server) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Beacon stopped while starting; see " + server.log());
            }
            try {
                if (get("/actuator/health", false).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Beacon was not healthy within " + timeout + "; see " + server.log());
    }

    /** Signs in through the form, then issues an API token on the account page. */
    void signInAndIssueToken() throws IOException, InterruptedException {
        String login = text(get("/login", false));
        HttpResponse<String> signedIn =
                postForm("/login", Map.of("email", email, "password", password, "_csrf", csrf(login)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException(
                    "Could not sign in as " + email + ": " + signedIn.statusCode() + " " + location);
        }
        String account = text(get("/account", false));
        String page =
                text(postForm("/account/tokens", Map.of("name", "benchmark " + Instant.now(), "_csrf", csrf(account))));
        Matcher matcher = NEW_TOKEN.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The account page showed no new API token");
        }
        token = matcher.group(1);
    }

    String authorization() {
        return token != null
                ? "Bearer " + token
                : "Basic "
                        + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, boolean api) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (api) {
            request.header("Authorization", authorization()).header("Accept", "application/json");
        }
        return session.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postCsv(String path, Path file) throws IOException, InterruptedException {
        return session.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofHours(1))
                        .header("Authorization", authorization())
                        .header("Content-Type", "text/csv")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postCsv(String path, String csv) throws IOException, InterruptedException {
        return session.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", authorization())
                        .header("Content-Type", "text/csv")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The heap in use now, in bytes, from the actuator, read with the API token (not a password check). The signed-in
     * session would do as well, but the API calls' responses may replace its cookie.
     */
    double heapUsed() throws IOException, InterruptedException {
        String body = text(get("/actuator/metrics/jvm.memory.used?tag=area:heap", true));
        Matcher matcher = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No heap figure in " + body);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The signed-in session's cookies, as a {@code Cookie} header, for measuring pages. */
    String sessionCookie() {
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    String base() {
        return base;
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return session.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String text(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
