package io.papersite.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.papersite.model.Paper;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.SiteUrls;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON files: {@code papers.json} and each collection's {@code papers.json} (every paper with
 * all its fields, in site order, so that others can reuse the collection), the search index and
 * CSL-JSON. Each is streamed paper by paper, so that a large collection is never held whole.
 */
final class JsonExport {

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The output owns the writer and closes it; a generator must leave it open.
    JSON.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private final SiteUrls urls;

  JsonExport(SiteUrls urls) {
    this.urls = urls;
  }

  private static JsonGenerator pretty(Writer out) throws IOException {
    JsonGenerator json = JSON.getFactory().createGenerator(out);
    json.setPrettyPrinter(
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    return json;
  }

  /** A document: the title and URL of the page it belongs to, then its papers. */
  void export(
      Writer out,
      String id,
      String title,
      String description,
      String pageUrl,
      List<ResolvedPaper> papers,
      ExportEntries.Recorder entries)
      throws IOException {
    try (JsonGenerator json = pretty(out)) {
      json.writeStartObject();
      if (id != null) {
        json.writeStringField("id", id);
      }
      json.writeStringField("title", title);
      if (!description.isEmpty()) {
        json.writeStringField("description", description);
      }
      json.writeStringField("url", urls.absolute(pageUrl));
      json.writeArrayFieldStart("papers");
      // Streamed: keeping a paper's JSON for its collections' exports took longer (measured).
      for (ResolvedPaper paper : papers) {
        entries.begin(json);
        JSON.writeTree(json, paper(paper));
        entries.end(paper.id(), json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * What the search page searches first, with short keys to keep the download small: {@code u} URL
   * path, {@code t} title, {@code a} authors, {@code d} date, {@code g} tags. A tenth of the size
   * of the abstracts and notes, which follow in {@link #searchText}, so that a large collection
   * answers a title or an author at once.
   */
  void searchIndex(Writer out, List<ResolvedPaper> papers, ExportEntries.Recorder entries)
      throws IOException {
    objectPerPaper(
        out,
        papers,
        entries,
        (json, resolved) -> {
          Paper p = resolved.paper();
          json.writeStringField("u", urls.paper(p.id()));
          json.writeStringField("t", p.title());
          writeIfPresent(json, "a", String.join(", ", p.authors()));
          writeIfPresent(json, "d", p.date().map(Object::toString).orElse(""));
          writeIfPresent(json, "g", String.join(" ", p.tags()));
        });
  }

  /**
   * The papers' {@code b} abstracts and {@code n} notes as plain text, in the order of {@link
   * #searchIndex}, one object a paper.
   */
  void searchText(Writer out, List<ResolvedPaper> papers, ExportEntries.Recorder entries)
      throws IOException {
    objectPerPaper(
        out,
        papers,
        entries,
        (json, resolved) -> {
          writeIfPresent(json, "b", resolved.abstractText());
          writeIfPresent(json, "n", resolved.notesText());
        });
  }

  /** What a compact export writes of one paper, inside its object. */
  @FunctionalInterface
  private interface PaperFields {
    void write(JsonGenerator json, ResolvedPaper paper) throws IOException;
  }

  /** A compact array of one object a paper, on one line. */
  private static void objectPerPaper(
      Writer out, List<ResolvedPaper> papers, ExportEntries.Recorder entries, PaperFields fields)
      throws IOException {
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartArray();
      for (ResolvedPaper resolved : papers) {
        entries.begin(json);
        json.writeStartObject();
        fields.write(json, resolved);
        json.writeEndObject();
        entries.end(resolved.id(), json);
      }
      json.writeEndArray();
    }
    out.write('\n');
  }

  /**
   * CSL-JSON, the format of Zotero and Mendeley and of citeproc: every paper as a reference manager
   * reads it. Names split at the last space into given and family names.
   */
  void cslJson(Writer out, List<ResolvedPaper> papers, ExportEntries.Recorder entries)
      throws IOException {
    try (JsonGenerator json = pretty(out)) {
      json.writeStartArray();
      for (ResolvedPaper resolved : papers) {
        entries.begin(json);
        JSON.writeTree(json, csl(resolved));
        entries.end(resolved.id(), json);
      }
      json.writeEndArray();
    }
    out.write('\n');
  }

  private ObjectNode csl(ResolvedPaper resolved) {
    Paper p = resolved.paper();
    ObjectNode item = JSON.createObjectNode();
    item.put("id", p.id());
    item.put("type", cslType(p));
    item.put("title", p.title());
    if (!p.authors().isEmpty()) {
      ArrayNode authors = item.putArray("author");
      for (String name : p.authors()) {
        int space = name.lastIndexOf(' ');
        ObjectNode author = authors.addObject();
        if (space < 0) {
          author.put("literal", name);
        } else {
          author.put("given", name.substring(0, space)).put("family", name.substring(space + 1));
        }
      }
    }
    p.date()
        .ifPresent(
            d -> {
              ArrayNode parts = item.putObject("issued").putArray("date-parts").addArray();
              parts.add(d.year());
              if (d.month() > 0) {
                parts.add(d.month());
              }
              if (d.day() > 0) {
                parts.add(d.day());
              }
            });
    putIfPresent(item, "container-title", p.venue());
    putIfPresent(item, "DOI", p.doi());
    if (!p.arxiv().isEmpty()) {
      item.put("archive", "arXiv");
      item.put("archive_location", p.arxiv());
      item.put("number", "arXiv:" + p.arxiv());
    }
    item.put("URL", urls.absolute(urls.paper(p.id())));
    putIfPresent(item, "keyword", String.join(", ", p.tags()));
    putIfPresent(item, "abstract", resolved.abstractText());
    return item;
  }

  private static String cslType(Paper p) {
    if (p.venue().isEmpty()) {
      return "article"; // CSL's type for preprints and papers with no venue
    }
    return ScholarlyMetadata.isConference(p.venue()) ? "paper-conference" : "article-journal";
  }

  private ObjectNode paper(ResolvedPaper resolved) {
    Paper p = resolved.paper();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", p.id());
    node.put("title", p.title());
    node.put("url", urls.absolute(urls.paper(p.id())));
    if (!p.authors().isEmpty()) {
      p.authors().forEach(node.putArray("authors")::add);
    }
    p.date().ifPresent(d -> node.put("date", d.iso()));
    putIfPresent(node, "venue", p.venue());
    putIfPresent(node, "arxiv", p.arxiv());
    putIfPresent(node, "doi", p.doi());
    if (!p.links().isEmpty()) {
      ObjectNode links = node.putObject("links");
      p.links().forEach(l -> links.put(l.label(), l.url()));
    }
    if (!p.tags().isEmpty()) {
      p.tags().forEach(node.putArray("tags")::add);
    }
    if (!resolved.collectionIds().isEmpty()) {
      resolved.collectionIds().forEach(node.putArray("collections")::add);
    }
    putIfPresent(node, "abstract", p.abstractText().source().strip());
    putIfPresent(node, "notes", p.notes().source().strip());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (!value.isEmpty()) {
      node.put(key, value);
    }
  }

  private static void writeIfPresent(JsonGenerator json, String key, String value)
      throws IOException {
    if (!value.isEmpty()) {
      json.writeStringField(key, value);
    }
  }
}
