/** The render stage: Freemarker templates of a theme, with user overrides, over view models. */
package io.papersite.render;
