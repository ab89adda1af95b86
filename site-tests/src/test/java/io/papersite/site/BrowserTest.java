package io.papersite.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a reader does on the sample site, in headless Chromium (Debian's chromium and
 * chromium-driver, never a downloaded browser): search, filter, switch to dark mode, read math,
 * copy a citation; with no JavaScript error and no serious accessibility violation.
 */
class BrowserTest {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @TempDir static Path temp;
  static SiteServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
    server = new SiteServer("/repo/");
    server.serve(SampleSite.build(server.baseUrl(), temp.resolve("site")));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory(temp, "chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** No page may log a JavaScript error (or fail to load a resource). */
  @AfterEach
  void noErrorsInTheConsole() {
    List<String> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(severe).isEmpty();
  }

  private static void open(String path) {
    driver.get(server.baseUrl() + path);
    wait.until(
        d ->
            ((JavascriptExecutor) d)
                .executeScript("return document.readyState")
                .equals("complete"));
  }

  private static List<String> visibleTitles(String selector) {
    return driver.findElements(By.cssSelector(selector)).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void searchAnswersBeforeItsIndexIsBuilt() {
    // lunr's index builder made to give nothing: every answer comes from the quick scan that
    // stands in while a large collection's index is being built.
    Object script =
        driver
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                    "source",
                    "Object.defineProperty(window, 'lunr', {configurable: true,"
                        + " get() { return this.heldLunr; },"
                        + " set(v) { v.Builder.prototype.build = function () { return null; };"
                        + " this.heldLunr = v; }});"))
            .get("identifier");
    try {
      searchFindsByTitleAndByNotes();
    } finally {
      driver.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
    }
  }

  @Test
  void searchFindsPapersAsTheReaderTypes() {
    searchFindsByTitleAndByNotes();
    assertThat(driver.getCurrentUrl()).endsWith("/repo/search/?q=uncomfortable");
  }

  /** Types a title's beginning, then a word that only a paper's notes contain. */
  private static void searchFindsByTitleAndByNotes() {
    open("search/");
    WebElement input = driver.findElement(By.id("search-input"));
    input.sendKeys("magicl");
    wait.until(d -> searchStatus().equals("1 paper matches “magicl”."));
    assertThat(visibleTitles("#search-results li > a"))
        .containsExactly("MagicLens: Self-Supervised Image Retrieval with Open-Ended Instructions");

    input.clear();
    input.sendKeys("uncomfortable");
    // Answered for every field once the abstracts and notes, which come second, are loaded.
    wait.until(d -> searchStatus().equals("1 paper matches “uncomfortable”."));
    assertThat(visibleTitles("#search-results li > a"))
        .as("a word that only the notes contain")
        .containsExactly(
            "The Impacts of Data, Ordering, and Intrinsic Dimensionality on Recall in Hierarchical Navigable Small Worlds");
  }

  private static String searchStatus() {
    return driver.findElement(By.id("search-status")).getText();
  }

  @Test
  void searchAnswersTitlesAuthorsAndTagsWithoutTheAbstractsAndNotes() {
    // The second file, with the abstracts and notes, does not come: the first one still answers.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setBlockedURLs", Map.of("urls", List.of("*search-text.json")));
    try {
      open("search/");
      WebElement input = driver.findElement(By.id("search-input"));
      input.sendKeys("magicl");
      String titlesOnly =
          " Abstracts and notes could not be loaded: titles, authors and tags only.";
      wait.until(d -> searchStatus().equals("1 paper matches “magicl”." + titlesOnly));
      assertThat(visibleTitles("#search-results li > a"))
          .containsExactly(
              "MagicLens: Self-Supervised Image Retrieval with Open-Ended Instructions");
      input.clear();
      input.sendKeys("uncomfortable");
      wait.until(d -> searchStatus().equals("No paper matches “uncomfortable”." + titlesOnly));
    } finally {
      driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
      driver.executeCdpCommand("Network.disable", Map.of());
    }
  }

  @Test
  void theTagFilterHidesTheOtherPapersAndSortingReorders() {
    open("collections/recommender-systems/");
    assertThat(visibleTitles(".paper-card .paper-title")).hasSize(10);
    driver.findElement(By.cssSelector("button[data-tag='llm']")).click();
    assertThat(visibleTitles(".paper-card .paper-title"))
        .containsExactly("ULMRec: User-centric Large Language Model for Sequential Recommendation");
    assertThat(driver.findElement(By.cssSelector("[data-count]")).getText())
        .isEqualTo("1 of 10 papers tagged llm");

    driver.findElement(By.cssSelector("button[data-tag='llm']")).click();
    new Select(driver.findElement(By.cssSelector("[data-sort]"))).selectByValue("title");
    List<String> titles = visibleTitles(".paper-card .paper-title");
    assertThat(titles).hasSize(10).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void theDarkModeToggleSwitchesAndIsRemembered() {
    open("");
    WebElement toggle = driver.findElement(By.cssSelector("[data-scheme-toggle]"));
    assertThat(toggle.getText()).isEqualTo("Dark mode");
    toggle.click();
    assertThat(driver.findElement(By.tagName("html")).getAttribute("data-scheme"))
        .isEqualTo("dark");
    assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color"))
        .isEqualTo("rgba(20, 22, 26, 1)");

    open("papers/gear/");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("data-scheme"))
        .isEqualTo("dark");
    assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color"))
        .isEqualTo("rgba(20, 22, 26, 1)");
    assertThat(driver.findElement(By.cssSelector("[data-scheme-toggle]")).getText())
        .isEqualTo("Light mode");

    driver.findElement(By.cssSelector("[data-scheme-toggle]")).click();
    driver.navigate().refresh();
    assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color"))
        .isEqualTo("rgba(255, 255, 255, 1)");
  }

  @Test
  void formulasAreTypesetByKatex() {
    open("papers/relative-representations/");
    wait.until(d -> !d.findElements(By.cssSelector(".notes .katex")).isEmpty());
    assertThat(driver.findElements(By.cssSelector(".notes .katex"))).hasSizeGreaterThanOrEqualTo(4);
    assertThat(driver.findElements(By.cssSelector(".notes .katex-display"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector(".katex-error"))).isEmpty();
    assertThat(driver.findElement(By.cssSelector(".notes")).getText()).doesNotContain("\\(", "$");
  }

  @Test
  void theCopyButtonPutsTheBibtexOnTheClipboard() {
    open("papers/gear/");
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin", server.baseUrl().replaceFirst("/repo/$", ""),
            "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    String bibtex = driver.findElement(By.id("bibtex")).getText();
    assertThat(bibtex).startsWith("@misc{gear,");
    driver.findElement(By.cssSelector("[data-copy=bibtex]")).click();
    wait.until(d -> !d.findElement(By.cssSelector("[data-copy-status]")).getText().isEmpty());
    String status = driver.findElement(By.cssSelector("[data-copy-status]")).getText();
    if (status.equals("Copied")) {
      Object clipboard =
          driver.executeAsyncScript(
              "navigator.clipboard.readText().then(arguments[0], () => arguments[0](null))");
      assertThat((String) clipboard).isEqualToIgnoringWhitespace(bibtex);
    } else {
      assertThat(status).startsWith("Selected");
      assertThat((String) driver.executeScript("return window.getSelection().toString()"))
          .isEqualToIgnoringWhitespace(bibtex);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "collections/recommender-systems/",
        "papers/read-seg-token/",
        "search/?q=retrieval",
        "tags/"
      })
  void hasNoSeriousAccessibilityViolations(String path) {
    open(path);
    if (path.startsWith("search")) {
      wait.until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
    }
    Results results = new AxeBuilder().analyze(driver);
    List<String> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .map(BrowserTest::describe)
            .toList();
    assertThat(serious).isEmpty();
  }

  @Test
  void theDarkSchemeHasNoSeriousAccessibilityViolationsEither() {
    open("collections/recommender-systems/");
    ((JavascriptExecutor) driver).executeScript("document.documentElement.dataset.scheme = 'dark'");
    Results results = new AxeBuilder().analyze(driver);
    assertThat(
            results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(BrowserTest::describe))
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + " ("
        + rule.getImpact()
        + "): "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
  }
}
