package dev.groundstream.launcher.commands;

import dev.groundstream.worker.GroundingWorker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker run in the foreground of a command: waits until the worker ends by itself or the user
 * presses Ctrl-C. On Ctrl-C the shutdown hook stops the worker gracefully (the batch in flight is
 * committed) and holds the JVM until the command printed its summary.
 */
final class WorkerRun {
  private final GroundingWorker worker;
  private final CountDownLatch reported = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean interrupted;
  private final Thread hook;

  WorkerRun(GroundingWorker worker) {
    this.worker = worker;
    this.hook = new Thread(() -> {
      interrupted = true;
      closeWorker();
      try {
        reported.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until the worker's loop ended and the worker is closed; true when Ctrl-C ended it. */
  boolean await() throws InterruptedException {
    while (!worker.awaitFinished(Duration.ofSeconds(1))) {
      // a replay ends by itself; a live worker runs until Ctrl-C or a failure
    }
    if (!interrupted) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        interrupted = true; // Ctrl-C came just as the worker finished
      }
    }
    closeWorker();
    return interrupted;
  }

  /** The summary is out: a shutdown in progress may end the JVM now. */
  void reported() {
    reported.countDown();
  }

  private void closeWorker() {
    if (closed.compareAndSet(false, true)) {
      try {
        worker.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
