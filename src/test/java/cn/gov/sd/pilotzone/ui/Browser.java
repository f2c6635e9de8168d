package cn.gov.sd.pilotzone.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium for a browser test, driven through Debian's {@code /usr/bin/chromedriver}: Selenium is given
 * the driver and the browser binary, so Selenium Manager has nothing to look up and downloads nothing (the failsafe
 * configuration also sets {@code SE_OFFLINE=true}). Window 1366×768, the office screen the pages are made for; a
 * fresh profile per browser, deleted on {@link #close()}. Screenshots go to {@code target/screenshots/}. Public
 * for the browser tests of other packages (province.DesignationBrowserIT).
 */
public final class Browser implements AutoCloseable {

    static final String DRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    /**
     * Skips the calling test class with a clear message when Chromium or chromedriver is missing, except under
     * {@code CI=true}, where the browser tests must run: there it fails.
     */
    public static void requireInstalled() {
        boolean installed = new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute();
        if (installed) {
            return;
        }
        String message = "Browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", " + DRIVER
                + "): apt-get install -y chromium chromium-driver (.ci/run does it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " — CI=true, so the browser tests may not be skipped");
        }
        Assumptions.abort("Skipped: " + message);
    }

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("hub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,768", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser for the hub the test started on {@code port} ({@code @LocalServerPort}). */
    public static Browser at(int port) {
        return new Browser("http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser logIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        follow("#login-submit");
        return this;
    }

    public Browser logOut() {
        follow("#logout");
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !all(css).isEmpty();
    }

    /** Whether the image has loaded and has content (an image the server refused has no natural width). */
    public boolean imageShown(String css) {
        Object width = ((JavascriptExecutor) driver).executeScript(
                "const i = document.querySelector(arguments[0]); return i && i.complete ? i.naturalWidth : 0;", css);
        return width instanceof Number n && n.longValue() > 0;
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** What a form field holds now (what was typed, or what the page gave back after an error). */
    public String value(String css) {
        return find(css).getDomProperty("value");
    }

    /** Replaces what the field holds with {@code text}, as a clerk selects it all and types. */
    public Browser fill(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses a task form's decision ({@code approve}, {@code reject}, {@code return}) by its label. */
    public Browser decide(String decision) {
        click("label[for='decision-" + decision + "']");
        return this;
    }

    /** Logs out whoever is logged in, logs in as {@code username} and opens the task from that user's list. */
    public Browser openTaskAs(String username, String password, String taskId) {
        if (exists("#logout")) {
            logOut();
        }
        logIn(username, password);
        return openFromList(taskId);
    }

    /** Chooses the decision and submits the task's form, waiting for the page that answers. */
    public Browser complete(String decision) {
        decide(decision);
        follow("#complete");
        return this;
    }

    /** The selector of a task's row in the task list. */
    public static String taskRow(String taskId) {
        return "tr[data-task-id='" + taskId + "']";
    }

    /** Opens the task from the caller's task list, as a clerk finds it (and fails if the list does not show it). */
    public Browser openFromList(String taskId) {
        open("/tasks");
        follow(taskRow(taskId) + " a.task-link");
        return this;
    }

    public void click(String css) {
        click(find(css));
    }

    /** Clicks after scrolling the element to the middle of the window at once (Bootstrap scrolls smoothly, and a
     * click computed during the animation misses). */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /**
     * Clicks something that loads a page (a link, a form's button) and waits until the new page has loaded: a
     * click returns as soon as it is dispatched, and reading the page at once would read the old one.
     */
    public void follow(String css) {
        follow(find(css));
    }

    public void follow(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__hubOldPage = true;");
        click(element);
        await(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(js.executeScript(
                "return window.__hubOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Scrolls so that the element is at the top of the window (for a screenshot of a lower part of a page). */
    public Browser scrollTo(String css) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", find(css));
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
