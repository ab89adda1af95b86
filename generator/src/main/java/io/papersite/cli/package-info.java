/** The command-line entry point, a thin shell over {@link io.papersite.Papersite}. */
package io.papersite.cli;
