package io.papersite.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.papersite.model.Paper;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.SiteUrls;
import java.util.List;

/**
 * {@code papers.json} and each collection's {@code papers.json}: every paper with all its fields,
 * in site order, so that others can reuse the collection. Absent fields are left out; Markdown
 * fields are given as written.
 */
final class JsonExport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER =
      JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private final SiteUrls urls;

  JsonExport(SiteUrls urls) {
    this.urls = urls;
  }

  /** A document: the title and URL of the page it belongs to, then its papers. */
  String export(
      String id, String title, String description, String pageUrl, List<ResolvedPaper> papers) {
    ObjectNode root = JSON.createObjectNode();
    if (id != null) {
      root.put("id", id);
    }
    root.put("title", title);
    if (!description.isEmpty()) {
      root.put("description", description);
    }
    root.put("url", urls.absolute(pageUrl));
    ArrayNode list = root.putArray("papers");
    papers.forEach(p -> list.add(paper(p)));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the search page indexes, with short keys to keep the download small: {@code u} URL path,
   * {@code t} title, {@code a} authors, {@code d} date, {@code g} tags, {@code b} abstract and
   * {@code n} notes as plain text.
   */
  String searchIndex(List<ResolvedPaper> papers) {
    ArrayNode list = JSON.createArrayNode();
    for (ResolvedPaper resolved : papers) {
      Paper p = resolved.paper();
      ObjectNode node = list.addObject();
      node.put("u", urls.paper(p.id()));
      node.put("t", p.title());
      putIfPresent(node, "a", String.join(", ", p.authors()));
      putIfPresent(node, "d", p.date().map(Object::toString).orElse(""));
      putIfPresent(node, "g", String.join(" ", p.tags()));
      putIfPresent(node, "b", resolved.abstractText());
      putIfPresent(node, "n", resolved.notesText());
    }
    try {
      return JSON.writeValueAsString(list) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * CSL-JSON, the format of Zotero and Mendeley and of citeproc: every paper as a reference manager
   * reads it. Names split at the last space into given and family names.
   */
  String cslJson(List<ResolvedPaper> papers) {
    ArrayNode list = JSON.createArrayNode();
    for (ResolvedPaper resolved : papers) {
      Paper p = resolved.paper();
      ObjectNode item = list.addObject();
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
    }
    try {
      return WRITER.writeValueAsString(list) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
}
