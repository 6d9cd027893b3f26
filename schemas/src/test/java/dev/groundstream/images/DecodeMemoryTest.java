package dev.groundstream.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The decode-memory guard: leases, queueing for memory, release, refusal of what can never fit. No timings. */
class DecodeMemoryTest {
  private static final long KIB = 1024;

  @Test
  void leasesTakeAndReturnMemoryOnce() throws Exception {
    DecodeMemory memory = new DecodeMemory(100 * KIB);
    DecodeMemory.Lease a = memory.acquire(60 * KIB);
    assertEquals(40 * KIB, memory.availableBytes());
    assertNull(memory.tryAcquire(41 * KIB), "only 40 KiB are free");
    DecodeMemory.Lease b = memory.tryAcquire(40 * KIB);
    assertNotNull(b);
    assertEquals(0, memory.availableBytes());
    a.close();
    a.close(); // a second close returns nothing twice
    assertEquals(60 * KIB, memory.availableBytes());
    b.close();
    assertEquals(100 * KIB, memory.availableBytes());
    try (DecodeMemory.Lease odd = memory.acquire(1)) {
      assertEquals(KIB, odd.bytes(), "leases are whole KiB, rounded up");
    }
  }

  @Test
  void aDecodeThatDoesNotFitWaitsUntilMemoryIsReturned() throws Exception {
    DecodeMemory memory = new DecodeMemory(100 * KIB);
    DecodeMemory.Lease held = memory.acquire(70 * KIB);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Void> started = new CompletableFuture<>();
      Future<DecodeMemory.Lease> second = pool.submit(() -> {
        started.complete(null);
        return memory.acquire(50 * KIB);
      });
      started.get();
      while (memory.waiting() == 0) { // a condition, not a timing: the second decode is queued
        Thread.onSpinWait();
      }
      assertFalse(second.isDone(), "50 KiB do not fit beside 70 KiB in 100 KiB");
      assertEquals(30 * KIB, memory.availableBytes());
      held.close();
      try (DecodeMemory.Lease granted = second.get()) {
        assertEquals(50 * KIB, granted.bytes());
        assertEquals(50 * KIB, memory.availableBytes());
      }
      assertEquals(100 * KIB, memory.availableBytes());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anImageLargerThanTheWholeBudgetIsRefusedWithAReason() throws Exception {
    DecodeMemory memory = new DecodeMemory(100 * KIB);
    ImageBudget.Exceeded e = assertThrows(ImageBudget.Exceeded.class, () -> memory.acquire(100 * KIB + 1));
    assertEquals("decode_memory", e.reason());
    assertTrue(e.getMessage().contains("102401 bytes") && e.getMessage().contains("decode-memory"), e.getMessage());
    assertThrows(ImageBudget.Exceeded.class, () -> memory.tryAcquire(200 * KIB));
    assertEquals(100 * KIB, memory.availableBytes(), "a refusal takes nothing");
    try (DecodeMemory.Lease all = memory.acquire(100 * KIB)) {
      assertEquals(0, memory.availableBytes(), "exactly the whole budget fits");
    }
    assertThrows(IllegalArgumentException.class, () -> new DecodeMemory(10));
  }
}
