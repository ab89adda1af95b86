package io.papersite;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A build server keeps its heap between builds in a row and gives it back once idle. */
class IdleMemoryTest {

  private final HotSpotDiagnosticMXBean hotSpot =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  private String original;

  @BeforeEach
  void remember() {
    original = hotSpot.getVMOption(IdleMemory.FREE_RATIO).getValue();
  }

  @AfterEach
  void restore() {
    hotSpot.setVMOption(IdleMemory.FREE_RATIO, original);
  }

  private String freeRatio() {
    return hotSpot.getVMOption(IdleMemory.FREE_RATIO).getValue();
  }

  @Test
  void theHeapIsKeptAfterABuildAndLetGoOnceIdle() throws InterruptedException {
    IdleMemory memory = IdleMemory.keptFor(Duration.ofMillis(300));
    assertThat(freeRatio()).isEqualTo(original).isNotEqualTo("100");

    memory.buildEnded();
    assertThat(freeRatio()).isEqualTo("100"); // a full collection shrinks nothing

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!freeRatio().equals(original) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(freeRatio()).isEqualTo(original);
  }

  @Test
  void aBuildThatBeginsMeanwhileKeepsTheHeap() throws InterruptedException {
    IdleMemory memory = IdleMemory.keptFor(Duration.ofMillis(200));
    memory.buildEnded();
    memory.buildBegins();

    Thread.sleep(600);
    assertThat(freeRatio()).isEqualTo("100");
    memory.buildEnded();
    assertThat(freeRatio()).isEqualTo("100");
  }
}
