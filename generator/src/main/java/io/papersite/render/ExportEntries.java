package io.papersite.render;

import io.papersite.resolve.ResolvedPaper;
import io.papersite.resolve.ResolvedSite;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each paper's entries lie in one export file, by byte offsets, as the file was last written:
 * an edit of a few papers replaces their entries in place instead of writing the whole file again
 * (a quarter of a second for the site-wide exports of 10,000 papers). Offsets are kept, not
 * entries: the text of every entry would take about 90 MB at 10,000 papers.
 */
final class ExportEntries {

  private final String[] ids;
  private final long[] starts;
  private final long[] ends;
  private final long size;

  private ExportEntries(String[] ids, long[] starts, long[] ends, long size) {
    this.ids = ids;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  /**
   * Whether the entries of the site's exports fit in a sixty-fourth of the heap, at 40 bytes an
   * entry while they are noted: 10,000 papers in three collections each make 90,000 entries, 3.6
   * MB; 100,000 make 36 MB, which do not fit in a heap that their site nearly fills (1 GiB). The
   * exports of a site that does not fit are written whole after each edit.
   */
  static boolean fit(ResolvedSite site) {
    return fit(site, Runtime.getRuntime().maxMemory());
  }

  static boolean fit(ResolvedSite site, long heap) {
    long entries = 6L * site.papers().size(); // a paper in no collection is on the list once
    for (var collection : site.collections()) {
      entries += collection.paperIds().size();
    }
    return entries * 40 <= heap / 64;
  }

  /** The file's length in bytes. */
  long size() {
    return size;
  }

  /** An export file's entries, one or more a paper, each as its writer writes it. */
  interface Kind {
    /**
     * The text of the paper's entry as the whole file has it: the file's first entry, or any later
     * one (which may begin with a separator).
     */
    String entry(ResolvedPaper paper, boolean first) throws IOException;
  }

  /**
   * The parts that replace the entries of the papers {@code before} names (in the version the file
   * shows) with those of {@code now}: in file order, leaving out entries that come out the same.
   */
  List<SiteOutput.Splice> splices(
      Kind kind, Map<String, ResolvedPaper> before, Map<String, ResolvedPaper> now)
      throws IOException {
    List<SiteOutput.Splice> parts = new ArrayList<>();
    Map<String, byte[][]> later = new HashMap<>(); // a paper's entries after the first are alike
    for (int k = 0; k < ids.length; k++) {
      String id = ids[k];
      if (!before.containsKey(id)) {
        continue;
      }
      byte[][] texts = k == 0 ? null : later.get(id);
      if (texts == null) {
        texts =
            new byte[][] {
              bytes(kind.entry(before.get(id), k == 0)), bytes(kind.entry(now.get(id), k == 0))
            };
        if (k > 0) {
          later.put(id, texts);
        }
      }
      if (!Arrays.equals(texts[0], texts[1])) {
        parts.add(new SiteOutput.Splice(starts[k], ends[k], texts[0], texts[1]));
      }
    }
    return parts;
  }

  /** The offsets once {@code parts} (from {@link #splices}) have replaced what they expected. */
  ExportEntries after(List<SiteOutput.Splice> parts) {
    long[] newStarts = starts.clone();
    long[] newEnds = ends.clone();
    long shift = 0;
    int part = 0;
    for (int k = 0; k < ids.length; k++) {
      newStarts[k] += shift;
      if (part < parts.size() && parts.get(part).start() == starts[k]) {
        SiteOutput.Splice p = parts.get(part++);
        shift += p.replacement().length - p.expected().length;
      }
      newEnds[k] += shift;
    }
    return new ExportEntries(ids, newStarts, newEnds, size + shift);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Notes where entries begin and end while a file is written. Inactive, noting nothing, for a
   * writer that cannot tell its position.
   */
  static final class Recorder {
    private final SiteOutput.Positioned at;
    private final List<String> ids = new ArrayList<>();
    private long[] bounds = new long[0];
    private long start;

    private Recorder(SiteOutput.Positioned at) {
      this.at = at;
    }

    /** Notes nothing; shared, as it keeps nothing. */
    static final Recorder NONE = new Recorder(null);

    /** A recorder for a file {@code out} writes: {@link #NONE} unless it tells its position. */
    static Recorder of(Writer out) {
      return out instanceof SiteOutput.Positioned positioned ? new Recorder(positioned) : NONE;
    }

    /** Before an entry; {@code pending} holds what is written but not yet in the writer. */
    void begin(Flushable pending) throws IOException {
      if (at != null) {
        pending.flush();
        start = at.position();
      }
    }

    /** After the entry of the paper {@code id}. */
    void end(String id, Flushable pending) throws IOException {
      if (at == null) {
        return;
      }
      pending.flush();
      if (2 * ids.size() + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, Math.max(64, bounds.length * 2));
      }
      bounds[2 * ids.size()] = start;
      bounds[2 * ids.size() + 1] = at.position();
      ids.add(id);
    }

    /** The entries noted, once the whole file is written; null when inactive. */
    ExportEntries done() {
      if (at == null) {
        return null;
      }
      int n = ids.size();
      long[] starts = new long[n];
      long[] ends = new long[n];
      for (int k = 0; k < n; k++) {
        starts[k] = bounds[2 * k];
        ends[k] = bounds[2 * k + 1];
      }
      return new ExportEntries(ids.toArray(String[]::new), starts, ends, at.position());
    }
  }

  /** Nothing written between entries needs flushing: a plain writer's text is in it at once. */
  static final Flushable WRITTEN = () -> {};

  /** Writes a whole file of the entries of {@code papers}, noting them. */
  @FunctionalInterface
  interface Whole {
    void write(Writer out, List<ResolvedPaper> papers, Recorder entries) throws IOException;
  }

  /**
   * The entries as {@code whole} writes them, found by writing a file of the paper twice: the first
   * entry of a file, or any later one with what separates it from the one before.
   */
  static Kind asWrittenBy(Whole whole) {
    return (paper, first) -> {
      CountingWriter out = new CountingWriter();
      Recorder entries = new Recorder(out);
      whole.write(out, List.of(paper, paper), entries);
      ExportEntries found = entries.done();
      int k = first ? 0 : 1;
      return out.toString().substring((int) found.starts[k], (int) found.ends[k]);
    };
  }

  /** Text in memory, whose positions are in characters. */
  private static final class CountingWriter extends StringWriter implements SiteOutput.Positioned {
    @Override
    public long position() {
      return getBuffer().length();
    }
  }
}
