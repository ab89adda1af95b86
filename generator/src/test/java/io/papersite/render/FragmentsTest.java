package io.papersite.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FragmentsTest {

  private static final String LIST =
      "<#list items as i><@cached key=\"k/${i?index % 2}\">[${i}]</@cached></#list>";

  private static String render(String source, Fragments fragments)
      throws IOException, TemplateException {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setSharedVariable(Fragments.DIRECTIVE, Fragments.CACHED);
    Template template = new Template("t.ftlh", new StringReader(source), cfg);
    StringWriter out = new StringWriter();
    Environment env =
        template.createProcessingEnvironment(Map.of("items", List.of("a", "b", "<c>", "d")), out);
    if (fragments != null) {
      fragments.serve(env);
    }
    env.process();
    return out.toString();
  }

  @Test
  void aKeySeenBeforeWritesWhatItsBodyWroteThenWithoutRunningTheBody() throws Exception {
    assertThat(render(LIST, new Fragments(1000))).isEqualTo("[a][b][a][b]");
  }

  @Test
  void withoutFragmentsOrBeyondTheBudgetEveryBodyRuns() throws Exception {
    assertThat(render(LIST, null)).isEqualTo("[a][b][&lt;c&gt;][d]");
    assertThat(render(LIST, new Fragments(0))).isEqualTo("[a][b][&lt;c&gt;][d]");
    // Room for the first fragment only: the second does not fit, and the first is let go too.
    assertThat(render(LIST, new Fragments(3))).isEqualTo("[a][b][&lt;c&gt;][d]");
    assertThat(render(LIST, new Fragments(6))).isEqualTo("[a][b][a][b]");
  }

  @Test
  void aTextIsMadeOnceUnderItsKeyWithinTheBudget() {
    Fragments kept = new Fragments(10);
    List<String> made = new java.util.ArrayList<>();
    Fragments.Maker<RuntimeException> one = () -> "one" + made.add("one");
    assertThat(kept.text("a", one)).isEqualTo("onetrue");
    assertThat(kept.text("a", () -> "other")).isEqualTo("onetrue");
    assertThat(made).hasSize(1);
    // Over the budget: all let go, and every text made where it is wanted from then on.
    assertThat(kept.text("b", () -> "too long")).isEqualTo("too long");
    assertThat(kept.text("a", () -> "again")).isEqualTo("again");
    assertThat(Fragments.none().text("a", one)).isEqualTo("onetrue");
    assertThat(made).hasSize(2);
  }

  @Test
  void aCallWithoutItsKeyIsATemplateError() {
    assertThatThrownBy(() -> render("<@cached>x</@cached>", new Fragments(10)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("<@cached> takes one parameter, key, a string");
    assertThatThrownBy(() -> render("<@cached key=1>x</@cached>", new Fragments(10)))
        .hasMessageContaining("<@cached> takes one parameter, key, a string");
  }
}
