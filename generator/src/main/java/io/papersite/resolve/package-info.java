/** The resolve stage: cross-references, ordering, URLs and Markdown. */
package io.papersite.resolve;
