package io.papersite.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work done on other threads, for the stages that spread their work over cores. */
public final class Futures {

  private Futures() {}

  /**
   * What {@code future} gives, once it is done; its failure is thrown here as it was thrown there,
   * so that a content or I/O problem reads the same whichever thread met it.
   *
   * @param interrupted what the exception says when this thread is interrupted while it waits
   */
  public static <T> T get(Future<T> future, String interrupted) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted, e);
    }
  }
}
