package io.papersite.render.view;

/** A link to another page: its label and URL. Used for tags, collections and paper links. */
public record Ref(String label, String url) {}
