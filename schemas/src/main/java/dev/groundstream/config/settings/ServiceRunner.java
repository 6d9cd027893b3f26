package dev.groundstream.config.settings;

import java.util.concurrent.CountDownLatch;

/**
 * The one way every service main starts and stops: read settings, start, close on SIGTERM or
 * Ctrl-C, exit 2 with a single line for a bad setting (no stack trace for a typo), exit 1 when the
 * service fails on its own.
 */
public final class ServiceRunner {
  /** A started service. */
  @FunctionalInterface
  public interface RunningService extends AutoCloseable {
    /** Blocks until the service ends by itself; returns its failure, or null. Default: never ends. */
    default Throwable awaitEnd() throws InterruptedException {
      new CountDownLatch(1).await();
      return null;
    }
  }

  /** Starts a service from its arguments. */
  @FunctionalInterface
  public interface Starter {
    RunningService start(String[] args) throws Exception;
  }

  /** A failure the user can fix from its message alone (a bad setting, a missing GPU). */
  public static class StartupException extends RuntimeException {
    public StartupException(String message) {
      super(message);
    }
  }

  private ServiceRunner() {}

  /** As {@link #run(String, String[], Starter)}; {@code --help} prints every setting of {@code settings}. */
  public static void run(String service, ServiceSettings settings, String[] args, Starter starter) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(settings.help());
      return;
    }
    run(service, args, starter);
  }

  public static void run(String service, String[] args, Starter starter) throws Exception {
    RunningService running;
    try {
      running = starter.start(args);
    } catch (IllegalArgumentException | StartupException e) {
      System.err.println(service + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println(service + ": error while stopping: " + e);
      }
    }, service + "-shutdown"));
    Throwable failure = running.awaitEnd();
    if (failure != null) {
      System.err.println(service + ": stopped after a failure: " + failure);
      System.exit(1);
    }
  }
}
