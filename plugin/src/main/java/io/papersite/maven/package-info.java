/** The Maven plugin: thin goals over {@link io.papersite.Papersite}. */
package io.papersite.maven;
