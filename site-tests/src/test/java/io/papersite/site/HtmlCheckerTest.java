package io.papersite.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every page of the sample site passes the Nu Html Checker (the W3C's HTML validator) with no
 * error.
 */
class HtmlCheckerTest {

  @TempDir Path temp;

  private final List<String> errors = new ArrayList<>();
  private final String[] current = {""};

  @Test
  void everyPageIsValidHtml() throws Exception {
    Path site = SampleSite.build("https://user.github.io/repo/", temp.resolve("site"));
    SimpleDocumentValidator validator = validator();

    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    for (Path page : pages) {
      current[0] = site.relativize(page).toString();
      validator.checkHtmlFile(page.toFile(), true);
    }
    assertThat(pages).hasSizeGreaterThan(100);
    assertThat(errors).isEmpty();
  }

  @Test
  void theCheckerFindsErrors() throws Exception {
    Path page = temp.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html lang=en><head></head><body><a href=\"x\"><a>y</a></a></body></html>");
    current[0] = "broken.html";
    validator().checkHtmlFile(page.toFile(), true);
    assertThat(errors).isNotEmpty().allMatch(e -> e.startsWith("broken.html:1:"));
  }

  private SimpleDocumentValidator validator() throws Exception {
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(
                current[0]
                    + ":"
                    + e.getLineNumber()
                    + ":"
                    + e.getColumnNumber()
                    + ": "
                    + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    SimpleDocumentValidator validator = new SimpleDocumentValidator();
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
    validator.setUpValidatorAndParsers(handler, false, false);
    return validator;
  }
}
