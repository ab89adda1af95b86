/** Publishing a built site onto a git branch such as gh-pages, with JGit. */
package io.papersite.publish;
