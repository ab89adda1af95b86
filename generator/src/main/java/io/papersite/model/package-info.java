/** The immutable content model: papers, collections, site settings, and problems with positions. */
package io.papersite.model;
