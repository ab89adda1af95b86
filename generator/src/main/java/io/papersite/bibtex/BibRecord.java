package io.papersite.bibtex;

import io.papersite.model.SourcePosition;
import java.util.Map;

/**
 * One entry of a .bib file, its field values still LaTeX, with macros and concatenation resolved.
 *
 * @param fields by lower-case field name, in file order
 */
record BibRecord(String type, String key, Map<String, String> fields, SourcePosition position) {

  String field(String name) {
    return fields.getOrDefault(name, "");
  }
}
