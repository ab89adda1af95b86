package io.papersite.model;

import java.util.List;

/**
 * A themed collection from {@code collections/<id>.yaml}: its own ordered paper ids, and tags whose
 * papers it also includes.
 *
 * @param layout how its page lists papers: one of {@link #LAYOUTS}
 */
public record Collection(
    String id,
    String title,
    String description,
    List<String> paperIds,
    List<SourcePosition> paperIdPositions,
    List<String> tags,
    int order,
    String layout,
    MarkdownText intro,
    SourcePosition position) {

  public static final java.util.List<String> LAYOUTS = java.util.List.of("cards", "list", "table");

  public Collection {
    paperIds = List.copyOf(paperIds);
    paperIdPositions = List.copyOf(paperIdPositions);
    tags = List.copyOf(tags);
    if (paperIds.size() != paperIdPositions.size()) {
      throw new IllegalArgumentException("one position per paper id");
    }
  }
}
