package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON Schemas that editors use accept every sample entry and reject the same kinds of mistakes
 * as the generator.
 */
class SchemaTest {

  static final Path SCHEMAS = SampleSiteTest.PROJECT.resolve("schema");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Schema schema(String name) throws IOException {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name + ".schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  static List<Error> errors(String schemaName, String yaml) throws IOException {
    JsonNode node = YAML.readTree(yaml);
    return schema(schemaName).validate(node);
  }

  @Test
  void acceptsEveryFileOfTheSampleCollection() throws IOException {
    Path content = SampleSiteTest.CONTENT;
    assertThat(errors("site", Files.readString(content.resolve("site.yaml")))).isEmpty();
    for (String kind : List.of("papers", "collections")) {
      try (Stream<Path> files = Files.list(content.resolve(kind))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          String schema = kind.equals("papers") ? "paper" : "collection";
          assertThat(errors(schema, Files.readString(file))).as(file.toString()).isEmpty();
          assertThat(Files.readString(file))
              .startsWith(
                  "# yaml-language-server: $schema=../../schema/" + schema + ".schema.json\n");
        }
      }
    }
  }

  @Test
  void acceptsEveryFormThatTheGeneratorAccepts() throws IOException {
    assertThat(errors("paper", "title: T\ndate: 2024\narxiv: 2407.14507\n")).isEmpty();
    assertThat(errors("paper", "title: T\ndate: 2024-05\narxiv: \"hep-th/9901001v2\"\n")).isEmpty();
    assertThat(errors("paper", "title: T\ndate: 2024-05-17\ndoi: https://doi.org/10.1145/x\n"))
        .isEmpty();
    assertThat(errors("paper", "- id: a\n  title: A\n- id: b\n  title: B\n")).isEmpty();
    assertThat(errors("collection", "title: C\norder: 2\npapers: [a, b]\ntags: [x]\n")).isEmpty();
    assertThat(errors("site", "title: S\nbaseUrl: https://user.github.io/repo/\n")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "paper | autors: [A]\\ntitle: T",
        "paper | authors: [A]",
        "paper | title: ''",
        "paper | title: T\\ndate: 2024-13",
        "paper | title: T\\ndate: May 2024",
        "paper | title: T\\nlinks:\\n  code: github.com/x",
        "paper | title: T\\nlinks:\\n  code: javascript:alert(1)",
        "paper | title: T\\ntags: [Good Tag]",
        "paper | title: T\\narxiv: not-an-id",
        "paper | title: T\\ndoi: doi-less",
        "paper | title: T\\nauthors: Just One",
        "paper | - title: No id in a list",
        "paper | - id: Bad Id\\n  title: T",
        "collection | titel: C",
        "collection | title: C\\norder: first",
        "collection | title: C\\npapers: one",
        "collection | title: C\\npapers: [a, a]",
        "site | title: S\\nbaseUrl: ftp://example.org/",
        "site | title: S\\ntheme: fancy",
        "site | title: S\\ndomain: https://papers.example.org/",
        "site | description: no title",
      })
  void rejectsTheMistakesTheGeneratorRejects(String schemaName, String yaml) throws IOException {
    assertThat(errors(schemaName, yaml.replace("\\n", "\n"))).isNotEmpty();
  }
}
