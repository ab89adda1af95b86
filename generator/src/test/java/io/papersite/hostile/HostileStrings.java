package io.papersite.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Strings that try to break out of every context a value ends up in: HTML text and attributes,
 * script elements, JSON, XML, Markdown, BibTeX, YAML, templates; and text in any script, with bidi
 * and zero-width characters. Each payload appears alone and inside ordinary text.
 */
final class HostileStrings {

  static final List<String> PAYLOADS =
      List.of(
          "<script>alert(1)</script>",
          "</script><script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'><svg onload=alert(1)>",
          "<a href=\"javascript:alert(1)\">click</a>",
          "<iframe src=\"//evil.example/\"></iframe>",
          "javascript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "<b onmouseover=alert(1)>bold</b>",
          "<style>body{display:none}</style>",
          "<meta http-equiv=\"refresh\" content=\"0;url=//evil.example\">",
          "<base href=\"//evil.example/\">",
          "${7*7} #{7*7} {{7*7}}",
          "<#assign x = \"freemarker\"> [#assign y=1]",
          "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
          "]]> <![CDATA[ x ]]>",
          "<!-- comment --> -->",
          "&lt;escaped&gt; &amp; &#x3C;script&#x3E;",
          "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
          "\"}]},{\"injected\":\"json\"",
          "\\\"}; alert(1); //",
          "\u2028line separator\u2029paragraph separator",
          "\u202Eevil right-to-left override\u202C",
          "\u2066isolate\u2069 and \u200Bzero\u200Cwidth\u200Djoiner\uFEFF",
          "back\\slash \\\\ double \\n not a newline",
          "\"double\" 'single' `backtick` ``latex''",
          "@article{injected, title={Injected}}",
          "unbalanced } brace { and % comment",
          "$ dollar $$ display $ and 50% of #1 ^ ~ & _",
          "注意力就是你所需要的",
          "الانتباه هو كل ما تحتاجه",
          "Zoë Ångström, Ħ, ǅ, e\u0301 combining",
          "📄🔬 emoji and 𝒮𝒸𝓇𝒾𝓅𝓉 outside the BMP",
          "key: value - item *alias &anchor !!python/object:os.system",
          "[link](https://example.org/) *emphasis* _under_ # heading | pipe",
          "%3Cscript%3E \\u003cscript\\u003e",
          "line one\nline two",
          "A".repeat(3000),
          "<SEG> token",
          "-- --- ~ nbsp\u00A0space");

  private HostileStrings() {}

  /** Every payload alone, at the start, at the end and in the middle of ordinary text. */
  static List<String> all() {
    Set<String> strings = new LinkedHashSet<>();
    for (String payload : PAYLOADS) {
      strings.add(payload);
      strings.add("Paper on " + payload);
      strings.add(payload + " and more");
    }
    return new ArrayList<>(strings);
  }
}
