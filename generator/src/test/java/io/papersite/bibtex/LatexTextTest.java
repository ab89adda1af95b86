package io.papersite.bibtex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\\\"U}ber die W{\\\"a}rme | Über die Wärme",
        "\\\"{o} \\\"o \\'{e} \\'e \\`a \\^{o} \\~n \\=a \\.z | ö ö é é à ô ñ ā ż",
        "\\v{C}ech \\u{g} \\H{o} \\c{c} \\k{a} \\r{a} | Čech ğ ő ç ą å",
        "Gro{\\ss}e Stra\\ss e | Große Straße",
        "{\\o}ystein {\\AE}sop \\l{}\\'od\\'z | øystein Æsop łódź",
        "\\'{\\i}ndice | índice",
        "pages 403--404 --- and more | pages 403–404 — and more",
        "``quoted'' text | “quoted” text",
        "R\\&D at 50\\% for \\$5 \\#1 a\\_b | R&D at 50% for $5 #1 a_b",
        "{BERT}: Pre-training of {Deep} Transformers | BERT: Pre-training of Deep Transformers",
        "\\emph{Important} and \\textbf{bold} | Important and bold",
        "The $\\alpha$-divergence and $$x_1^2$$ | The $\\alpha$-divergence and $$x_1^2$$",
        "\\LaTeX\\ and \\TeX | LaTeX and TeX",
      })
  void convertsLatexToUnicode(String latex, String text) {
    assertThat(LatexText.toUnicode(latex)).isEqualTo(text);
  }

  @Test
  void foldsWhitespaceAndTies() {
    assertThat(LatexText.toUnicode("Theory~of   spaces\n  and lines"))
        .isEqualTo("Theory of spaces and lines");
  }

  @Test
  void leavesPlainTextAndUnicodeAlone() {
    assertThat(LatexText.toUnicode("Already Unicode: Ω, 漢字, café"))
        .isEqualTo("Already Unicode: Ω, 漢字, café");
    assertThat(LatexText.toUnicode("A lone $ sign")).isEqualTo("A lone $ sign");
  }
}
