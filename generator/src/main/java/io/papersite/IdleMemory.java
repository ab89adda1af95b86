package io.papersite;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a build server gives its memory back: it collects a build's garbage as soon as the build
 * ends, but keeps the heap it grew to until it has had no build for a while. A heap given back at
 * once grows again, page fault by page fault, in the next build (70,000-115,000 faults a
 * 10,000-paper build); builds in a row then pay for that, an idle server does not keep the memory.
 */
final class IdleMemory {

  /**
   * The HotSpot option by which a full collection shrinks the heap; it can be set while running.
   */
  static final String FREE_RATIO = "MaxHeapFreeRatio";

  private final Duration keep;
  private final HotSpotDiagnosticMXBean hotSpot;
  private final String shrinking; // the option as the JVM was started with it
  private final ScheduledExecutorService timer; // null where the heap is given back at once
  private ScheduledFuture<?> release;

  private IdleMemory(Duration keep, HotSpotDiagnosticMXBean hotSpot, String shrinking) {
    this.keep = keep;
    this.hotSpot = hotSpot;
    this.shrinking = shrinking;
    this.timer =
        hotSpot == null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "papersite-idle-memory");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /**
   * Memory kept for {@code keep} after each build; on a JVM whose heap cannot be kept so, given
   * back at once, as before.
   */
  static IdleMemory keptFor(Duration keep) {
    try {
      HotSpotDiagnosticMXBean hotSpot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      VMOption option = hotSpot == null ? null : hotSpot.getVMOption(FREE_RATIO);
      if (option != null && option.isWriteable()) {
        return new IdleMemory(keep, hotSpot, option.getValue());
      }
    } catch (RuntimeException e) {
      // not HotSpot: no such option
    }
    return new IdleMemory(keep, null, null);
  }

  /** A build begins: the memory is wanted again. */
  synchronized void buildBegins() {
    cancelRelease();
  }

  private void cancelRelease() {
    if (release != null) {
      release.cancel(false);
      release = null;
    }
  }

  /** A build has ended: its garbage goes now, the heap it grew to after {@code keep} idle. */
  synchronized void buildEnded() {
    if (hotSpot == null) {
      System.gc();
      return;
    }
    cancelRelease(); // one still pending (a warm-up's) starts again from now
    hotSpot.setVMOption(FREE_RATIO, "100");
    System.gc();
    release = timer.schedule(this::giveBack, keep.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void giveBack() {
    if (release == null) {
      return; // a build began meanwhile
    }
    release = null;
    hotSpot.setVMOption(FREE_RATIO, shrinking);
    System.gc();
  }
}
