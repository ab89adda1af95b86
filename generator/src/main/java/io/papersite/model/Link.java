package io.papersite.model;

/** A labelled link of a paper, such as {@code code: https://github.com/...}. */
public record Link(String label, String url) {}
