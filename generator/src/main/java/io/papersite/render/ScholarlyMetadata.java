package io.papersite.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.papersite.model.Link;
import io.papersite.model.Paper;
import io.papersite.model.PaperDate;
import io.papersite.render.view.Meta;
import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.SiteUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What search engines and reference managers read from a paper page: Google Scholar's Highwire
 * Press {@code citation_*} tags and schema.org {@code ScholarlyArticle} JSON-LD.
 */
final class ScholarlyMetadata {

  /** Venues that name a conference rather than a journal, for citation_conference_title. */
  private static final Pattern CONFERENCE =
      Pattern.compile(
          "(?i).*\\b(conference|proceedings|workshop|symposium|meeting|congress|"
              + "neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|sigir|kdd|www|"
              + "recsys|wsdm|cikm|aaai|ijcai|uai|aistats|colt|interspeech|icassp|chi|uist)\\b.*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScholarlyMetadata() {}

  static List<Meta> citationTags(ResolvedPaper resolved, SiteUrls urls) {
    Paper paper = resolved.paper();
    List<Meta> tags = new ArrayList<>();
    tags.add(Meta.name("citation_title", paper.title()));
    paper.authors().forEach(a -> tags.add(Meta.name("citation_author", a)));
    paper.date().ifPresent(d -> tags.add(Meta.name("citation_publication_date", scholarDate(d))));
    if (!paper.venue().isEmpty()) {
      String key =
          isConference(paper.venue()) ? "citation_conference_title" : "citation_journal_title";
      tags.add(Meta.name(key, paper.venue()));
    }
    if (!paper.arxiv().isEmpty()) {
      tags.add(Meta.name("citation_arxiv_id", paper.arxiv()));
    }
    if (!paper.doi().isEmpty()) {
      tags.add(Meta.name("citation_doi", paper.doi()));
    }
    hostedPdf(paper, urls).ifPresent(url -> tags.add(Meta.name("citation_pdf_url", url)));
    if (!resolved.abstractText().isEmpty()) {
      tags.add(Meta.name("citation_abstract", resolved.abstractText()));
    }
    tags.add(Meta.name("citation_abstract_html_url", urls.absolute(urls.paper(paper.id()))));
    return tags;
  }

  /** Scholar reads dates as 2024/05/17, 2024/05 or 2024. */
  static String scholarDate(PaperDate date) {
    return date.iso().replace('-', '/');
  }

  static boolean isConference(String venue) {
    return CONFERENCE.matcher(venue).matches();
  }

  /** A PDF link on the site's own host: Scholar ignores PDFs hosted elsewhere. */
  private static java.util.Optional<String> hostedPdf(Paper paper, SiteUrls urls) {
    if (!urls.hasOrigin()) {
      return java.util.Optional.empty();
    }
    String base = urls.absolute(urls.home());
    return paper.links().stream()
        .map(Link::url)
        .filter(u -> u.startsWith(base) && u.toLowerCase(Locale.ROOT).endsWith(".pdf"))
        .findFirst();
  }

  /** schema.org ScholarlyArticle, escaped so that it cannot end its script element. */
  static String jsonLd(ResolvedPaper resolved, String siteTitle, SiteUrls urls) {
    Paper paper = resolved.paper();
    ObjectNode article = JSON.createObjectNode();
    article.put("@context", "https://schema.org");
    article.put("@type", "ScholarlyArticle");
    article.put("headline", paper.title());
    article.put("name", paper.title());
    article.put("url", urls.absolute(urls.paper(paper.id())));
    if (!paper.authors().isEmpty()) {
      ArrayNode authors = article.putArray("author");
      paper.authors().forEach(a -> authors.addObject().put("@type", "Person").put("name", a));
    }
    paper.date().ifPresent(d -> article.put("datePublished", d.iso()));
    if (!paper.venue().isEmpty()) {
      article
          .putObject("isPartOf")
          .put("@type", isConference(paper.venue()) ? "CreativeWork" : "Periodical")
          .put("name", paper.venue());
    }
    if (!resolved.abstractText().isEmpty()) {
      article.put("abstract", resolved.abstractText());
    }
    if (!paper.tags().isEmpty()) {
      article.put("keywords", String.join(", ", paper.tags()));
    }
    ArrayNode sameAs = JSON.createArrayNode();
    if (!paper.doi().isEmpty()) {
      article.put("identifier", "doi:" + paper.doi());
      sameAs.add("https://doi.org/" + paper.doi());
    }
    if (!paper.arxiv().isEmpty()) {
      sameAs.add("https://arxiv.org/abs/" + paper.arxiv());
    }
    if (!sameAs.isEmpty()) {
      article.set("sameAs", sameAs);
    }
    article.putObject("publisher").put("@type", "Organization").put("name", siteTitle);
    return forScriptElement(article.toString());
  }

  /** JSON inside {@code <script>}: no {@code </script>}, no HTML comment, no line separators. */
  static String forScriptElement(String json) {
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
