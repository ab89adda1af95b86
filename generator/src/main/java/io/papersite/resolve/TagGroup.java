package io.papersite.resolve;

import java.util.List;

/** A tag and the papers that carry it, in site order. */
public record TagGroup(String name, List<String> paperIds) {

  public TagGroup {
    paperIds = List.copyOf(paperIds);
  }
}
