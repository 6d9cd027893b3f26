package dev.groundstream.eval;

import dev.groundstream.config.settings.ServiceRunner;
import dev.groundstream.eval.config.EvalConfig;
import java.util.List;

/** {@code java -cp ... dev.groundstream.eval.EvalServiceMain [--name value ...]}; settings in docs/settings.md. */
public final class EvalServiceMain {
  private EvalServiceMain() {}

  public static void main(String[] args) throws Exception {
    ServiceRunner.run("eval-service", dev.groundstream.eval.config.EvalSettings.SETTINGS, args, a -> {
      EvalService service = EvalService.start(EvalConfig.fromEnvironmentAndArgs(System.getenv(), List.of(a)));
      return service::close;
    });
  }
}
