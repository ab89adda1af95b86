/** The load stage: finds content files and reads them as text. */
package io.papersite.load;
