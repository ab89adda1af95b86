/** The live preview: serve, watch, rebuild, reload. */
package io.papersite.serve;
