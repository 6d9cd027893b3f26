package dev.groundstream.eval;

import dev.groundstream.eval.config.EvalConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -cp ... dev.groundstream.eval.EvalServiceMain [--name=value ...]}; see {@link EvalConfig}. */
public final class EvalServiceMain {
  private EvalServiceMain() {}

  public static void main(String[] args) throws InterruptedException {
    EvalConfig config;
    try {
      config = EvalConfig.fromEnvironmentAndArgs(System.getenv(), List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("eval-service: " + e.getMessage());
      System.exit(2);
      return;
    }
    EvalService service = EvalService.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "eval-shutdown"));
    stopped.await();
  }
}
