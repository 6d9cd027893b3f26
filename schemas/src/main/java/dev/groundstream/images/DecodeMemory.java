package dev.groundstream.images;

import java.util.concurrent.Semaphore;

/**
 * The bytes of raster one process may hold in decodes at once: a decode leases what its header
 * says it will allocate before any pixel is decoded, and returns it when the pixels are no longer
 * needed. Concurrent big images therefore queue (first come, first served, so a big one is not
 * starved by small ones) instead of all allocating at once; an image that needs more than the
 * whole budget is refused, since waiting could never help it. Thread-safe.
 */
public final class DecodeMemory {
  public static final long DEFAULT_BYTES = 512L * 1024 * 1024;
  /** No bound: for callers outside a service (tools, tests). */
  public static final DecodeMemory UNBOUNDED = new DecodeMemory(Long.MAX_VALUE);
  /** Permits are KiB, so budgets up to terabytes fit the semaphore's int. */
  private static final long UNIT = 1024;

  private final long capacityBytes;
  private final int totalUnits;
  private final Semaphore permits;

  public DecodeMemory(long capacityBytes) {
    if (capacityBytes < UNIT) {
      throw new IllegalArgumentException("decode memory must be at least 1 KiB, got " + capacityBytes + " bytes");
    }
    this.capacityBytes = capacityBytes;
    this.totalUnits = (int) Math.min(Integer.MAX_VALUE, capacityBytes / UNIT);
    this.permits = new Semaphore(totalUnits, true);
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  /** Bytes not leased right now (in whole KiB). */
  public long availableBytes() {
    return permits.availablePermits() * UNIT;
  }

  /** Decodes waiting for memory right now (an estimate, as {@link Semaphore#getQueueLength()}). */
  public int waiting() {
    return permits.getQueueLength();
  }

  /**
   * Waits until {@code bytes} are free and leases them; refuses at once (reason
   * {@code decode_memory}) when {@code bytes} exceed the whole budget.
   */
  public Lease acquire(long bytes) throws ImageBudget.Exceeded, InterruptedException {
    int units = units(bytes);
    permits.acquire(units);
    return new Lease(units);
  }

  /** As {@link #acquire} without waiting: empty-handed (null) when the memory is leased out now. */
  public Lease tryAcquire(long bytes) throws ImageBudget.Exceeded {
    int units = units(bytes);
    return permits.tryAcquire(units) ? new Lease(units) : null;
  }

  private int units(long bytes) throws ImageBudget.Exceeded {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative byte count " + bytes);
    }
    if (bytes > capacityBytes) {
      throw new ImageBudget.Exceeded("decode_memory", "The image needs " + bytes + " bytes of raster to decode,"
          + " more than this worker's whole decode memory (" + capacityBytes + " bytes, setting decode-memory)");
    }
    if (this == UNBOUNDED) {
      return 0;
    }
    // rounded up to whole KiB, but never more than the whole budget (else it could never be granted)
    return (int) Math.min(totalUnits, (bytes + UNIT - 1) / UNIT);
  }

  /** Leased memory; closing returns it (once, however often it is closed). */
  public final class Lease implements AutoCloseable {
    private final int units;
    private boolean released;

    private Lease(int units) {
      this.units = units;
    }

    public long bytes() {
      return units * UNIT;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        permits.release(units);
      }
    }
  }
}
