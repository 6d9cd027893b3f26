package dev.groundstream.eval.service;

import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.testing.SharedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts eval-service instances on the shared broker the way main does: environment plus flags. */
final class RunningServices {
  private RunningServices() {}

  static EvalConfig config(String applicationId, Path stateDir, String... extraFlags) {
    Map<String, String> env = Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", SharedKafka.cluster().bootstrapServers(),
        "GROUNDSTREAM_REGISTRY_URL", SharedKafka.registry().url());
    List<String> flags = new ArrayList<>(List.of(
        "--application-id=" + applicationId,
        "--state-dir=" + stateDir,
        "--http-port=0",
        "--commit-interval=200ms"));
    flags.addAll(List.of(extraFlags));
    return EvalConfig.fromEnvironmentAndArgs(env, flags);
  }

  static EvalService start(EvalConfig config) {
    return EvalService.start(config);
  }
}
