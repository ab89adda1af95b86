package io.papersite.write;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM told to halt while a commit renames files: {@code HaltAmongRenames SITE FILES}. It builds a
 * site of FILES files, updates every one of them in place and, from another thread, halts as soon
 * as the commit has begun; the site must then hold every new file.
 */
public final class HaltAmongRenames {

  private HaltAmongRenames() {}

  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    try (SiteWriter.Staging out = new SiteWriter(site).open()) {
      for (int i = 0; i < files; i++) {
        out.text("f" + i + ".html", w -> w.write("old"));
      }
      out.commit("f00d", "/");
    }
    try (SiteWriter.Update update = new SiteWriter(site).update()) {
      for (int i = 0; i < files; i++) {
        update.text("f" + i + ".html", w -> w.write("new"));
      }
      Path marker = site.resolve(SiteWriter.MARKER);
      Thread halting =
          new Thread(
              () -> {
                try {
                  // the commit's first step forgets the fingerprint; its renames follow
                  while (Files.readString(marker).contains("f00d")) {
                    Thread.onSpinWait();
                  }
                } catch (java.io.IOException e) {
                  // being rewritten: begun
                }
                SiteWriter.haltOutsideCommits(3);
              });
      halting.start();
      update.commit("beef");
      halting.join();
    }
  }
}
