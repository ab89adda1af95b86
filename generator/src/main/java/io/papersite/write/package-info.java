/** The write stage: writes the site beside the output and swaps it in when complete. */
package io.papersite.write;
