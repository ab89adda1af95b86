package io.papersite.load;

/**
 * Two 32-bit checksums of different polynomials (CRC-32, CRC-32C) in one number, so that two
 * different inputs share it with a chance of 2<sup>-64</sup>. Not SHA-256: the JVM computes these
 * with processor instructions in any compiler and loads no security provider for them (SHA-256
 * needs the optimizing compiler, and its provider took 20-28 ms of a command's start).
 */
public final class Checksums {

  private Checksums() {}

  /** CRC-32 in the high half, CRC-32C in the low half. */
  public static long of(byte[] bytes) {
    java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
    crc32.update(bytes);
    java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
    crc32c.update(bytes);
    return crc32.getValue() << 32 | crc32c.getValue();
  }
}
