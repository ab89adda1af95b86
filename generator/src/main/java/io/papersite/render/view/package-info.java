/** The template data model: the records that themes read. Documented for theme authors. */
package io.papersite.render.view;
