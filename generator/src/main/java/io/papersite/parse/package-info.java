/** The parse stage: YAML with positions, read into the content model. */
package io.papersite.parse;
