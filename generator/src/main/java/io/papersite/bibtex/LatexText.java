package io.papersite.bibtex;

import java.text.Normalizer;
import java.util.Map;

/**
 * LaTeX as BibTeX files write it, made into plain Unicode text: accents ({@code {\"o}}, {@code
 * \'{e}}), special letters ({@code \ss}), escaped characters ({@code \&}), dashes and quotes, font
 * commands and protective braces. Math between dollar signs is kept as written, for KaTeX.
 */
final class LatexText {

  private static final Map<Character, Character> ACCENTS =
      Map.ofEntries(
          Map.entry('"', '\u0308'),
          Map.entry('\'', '\u0301'),
          Map.entry('`', '\u0300'),
          Map.entry('^', '\u0302'),
          Map.entry('~', '\u0303'),
          Map.entry('=', '\u0304'),
          Map.entry('.', '\u0307'),
          Map.entry('u', '\u0306'),
          Map.entry('v', '\u030C'),
          Map.entry('H', '\u030B'),
          Map.entry('c', '\u0327'),
          Map.entry('k', '\u0328'),
          Map.entry('r', '\u030A'),
          Map.entry('d', '\u0323'),
          Map.entry('b', '\u0331'));

  private static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"),
          Map.entry("textbackslash", "\\"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("textquoteleft", "‘"),
          Map.entry("textquoteright", "’"),
          Map.entry("textasciitilde", "~"),
          Map.entry("textasciicircum", "^"),
          Map.entry("textunderscore", "_"),
          Map.entry("LaTeX", "LaTeX"),
          Map.entry("TeX", "TeX"),
          Map.entry("copyright", "©"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("dag", "†"),
          Map.entry("S", "§"),
          Map.entry("P", "¶"));

  private LatexText() {}

  /** Plain text, on one line, with math segments kept as {@code $...$}. */
  static String toUnicode(String latex) {
    StringBuilder out = new StringBuilder();
    new Converter(latex, out).run();
    return Normalizer.normalize(
        out.toString().replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
  }

  /** A small recursive reader of LaTeX text; unknown commands keep their arguments. */
  private static final class Converter {
    private final String in;
    private final StringBuilder out;
    private int at;

    Converter(String in, StringBuilder out) {
      this.in = in;
      this.out = out;
    }

    void run() {
      while (at < in.length()) {
        step();
      }
    }

    private void step() {
      char c = in.charAt(at);
      if (c == '$') {
        math();
      } else if (c == '\\') {
        command();
      } else if (c == '{' || c == '}') {
        at++; // protective braces: {BERT} keeps its capitals, then the braces go
      } else if (in.startsWith("---", at)) {
        out.append('—');
        at += 3;
      } else if (in.startsWith("--", at)) {
        out.append('–');
        at += 2;
      } else if (in.startsWith("``", at)) {
        out.append('“');
        at += 2;
      } else if (in.startsWith("''", at)) {
        out.append('”');
        at += 2;
      } else if (c == '~') {
        out.append(' ');
        at++;
      } else {
        out.append(c);
        at++;
      }
    }

    /** $...$ or $$...$$, copied as it is; a lone dollar is text. */
    private void math() {
      String delimiter = in.startsWith("$$", at) ? "$$" : "$";
      int end = in.indexOf(delimiter, at + delimiter.length());
      while (end > 0 && in.charAt(end - 1) == '\\') {
        end = in.indexOf(delimiter, end + 1);
      }
      if (end < 0) {
        out.append('$');
        at++;
        return;
      }
      out.append(in, at, end + delimiter.length());
      at = end + delimiter.length();
    }

    private void command() {
      at++; // the backslash
      if (at >= in.length()) {
        return;
      }
      char c = in.charAt(at);
      if (ACCENTS.containsKey(c) && (!Character.isLetter(c) || !isLetterAt(at + 1))) {
        at++;
        String base = argument();
        if (base.isEmpty()) {
          return;
        }
        out.append(dotted(base.charAt(0))).append(ACCENTS.get(c)).append(base, 1, base.length());
        return;
      }
      if (!Character.isLetter(c)) {
        at++;
        out.append(c == '\\' ? ' ' : c); // \& \% \$ \# \_ \{ \} and a \\ line break
        return;
      }
      int start = at;
      while (at < in.length() && Character.isLetter(in.charAt(at))) {
        at++;
      }
      String name = in.substring(start, at);
      if (LETTERS.containsKey(name)) {
        out.append(LETTERS.get(name));
        if (at < in.length() && in.charAt(at) == '{' && in.startsWith("{}", at)) {
          at += 2;
        } else if (at < in.length() && in.charAt(at) == ' ') {
          at++; // the space that ends a command name
        }
        return;
      }
      if (ACCENTS.containsKey(name.charAt(0)) && name.length() == 1) {
        String base = argument();
        if (!base.isEmpty()) {
          out.append(dotted(base.charAt(0)))
              .append(ACCENTS.get(name.charAt(0)))
              .append(base, 1, base.length());
        }
        return;
      }
      if (at < in.length() && in.charAt(at) == ' ') {
        at++;
      }
      // emph, textbf, url and unknown commands: keep the text they apply to
    }

    /** An accent goes on the dotless i and j ({@code \'{\i}}), but the result is an accented i. */
    private static char dotted(char base) {
      return base == 'ı' ? 'i' : base == 'ȷ' ? 'j' : base;
    }

    /** The next character, or the braced group, after an accent command, converted. */
    private String argument() {
      while (at < in.length() && in.charAt(at) == ' ') {
        at++;
      }
      if (at >= in.length()) {
        return "";
      }
      if (in.charAt(at) == '{') {
        int depth = 0;
        int start = at;
        for (; at < in.length(); at++) {
          if (in.charAt(at) == '{') {
            depth++;
          } else if (in.charAt(at) == '}' && --depth == 0) {
            break;
          }
        }
        String group = in.substring(start + 1, Math.min(at, in.length()));
        at++;
        StringBuilder converted = new StringBuilder();
        new Converter(group, converted).run();
        return converted.toString();
      }
      if (in.charAt(at) == '\\') {
        StringBuilder converted = new StringBuilder();
        Converter inner = new Converter(in, converted);
        inner.at = at;
        inner.command();
        at = inner.at;
        return converted.toString();
      }
      return String.valueOf(in.charAt(at++));
    }

    private boolean isLetterAt(int index) {
      return index < in.length() && Character.isLetter(in.charAt(index));
    }
  }
}
