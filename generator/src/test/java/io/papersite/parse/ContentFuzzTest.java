package io.papersite.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.papersite.load.SourceFile;
import io.papersite.model.MarkdownText;
import io.papersite.model.Problems;
import io.papersite.model.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of what reads untrusted files: any text must end in a model or in
 * problems, never in an exception, a hang or an OutOfMemoryError. The normal build runs the saved
 * inputs under {@code src/test/resources/io/papersite/parse/ContentFuzzTestInputs/}; to fuzz for
 * longer: {@code JAZZER_FUZZ=1 mvn -pl generator test -Dtest=ContentFuzzTest}, and keep any
 * crashing input it finds in that folder.
 */
class ContentFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void aPaperFileEndsInPapersOrProblems(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Problems problems = new Problems();
    SourceFile file = new SourceFile(Path.of("fuzz.yaml"), "papers/fuzz.yaml", text);
    new YamlTreeReader(problems)
        .read(file)
        .ifPresent(root -> new PaperParser(problems).parse(file, root));
    problems.sorted().forEach(Object::toString);
  }

  @FuzzTest(maxDuration = "2m")
  void aCollectionFileEndsInACollectionOrProblems(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Problems problems = new Problems();
    SourceFile file = new SourceFile(Path.of("fuzz.yaml"), "collections/fuzz.yaml", text);
    new YamlTreeReader(problems)
        .read(file)
        .ifPresent(
            root -> new CollectionParser(problems).parse(file, root, java.util.Optional.empty()));
    problems.sorted().forEach(Object::toString);
  }

  @FuzzTest(maxDuration = "2m")
  void markdownEndsInHtmlOrProblems(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    io.papersite.resolve.MarkdownProbe.render(
        new MarkdownText(text, new SourcePosition("papers/fuzz.md", 1, 1), true));
  }
}
