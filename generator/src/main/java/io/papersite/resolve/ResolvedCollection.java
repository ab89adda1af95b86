package io.papersite.resolve;

import io.papersite.model.Collection;
import java.util.List;

/**
 * A collection with its introduction rendered and its final list of papers (listed, then by tag).
 */
public record ResolvedCollection(Collection collection, String introHtml, List<String> paperIds) {

  public ResolvedCollection {
    paperIds = List.copyOf(paperIds);
  }

  public String id() {
    return collection.id();
  }
}
