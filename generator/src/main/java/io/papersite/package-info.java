/** Papersite's public API: {@link io.papersite.Papersite#generate} and its request and result. */
package io.papersite;
