package dev.groundstream.launcher.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.S3Blobs;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What `docker compose config` would catch, checked without Docker: the files parse, every service
 * has an image or a Dockerfile that exists, every mounted file exists, and every GROUNDSTREAM_*
 * variable the stack sets is one the service actually reads.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> OUR_SERVICES = Set.of("ingest", "worker", "eval");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(String file) throws Exception {
    // "!reset" is a compose-only tag (drop an inherited key); plain YAML does not know it.
    String text = Files.readString(ROOT.resolve(file)).replace("!reset ", "");
    Map<String, Object> compose = new Yaml().load(text);
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void everyServiceHasAnImageOrAnExistingDockerfileAndItsMountedFilesExist() throws Exception {
    Map<String, Map<String, Object>> services = services("docker-compose.yml");
    assertTrue(services.keySet().containsAll(List.of("kafka", "schema-registry", "connect", "postgres",
        "ingest", "worker", "eval")), services.keySet().toString());
    services.forEach((name, service) -> {
      Object build = service.get("build");
      if (build != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) build;
        Path dockerfile = ROOT.resolve(String.valueOf(b.get("context"))).resolve(String.valueOf(b.get("dockerfile")));
        assertTrue(Files.isRegularFile(dockerfile), name + ": missing " + dockerfile);
        if (b.get("args") instanceof Map<?, ?> args && args.get("MODULE") != null) {
          // The shared service recipe builds MODULE and runs MAIN_CLASS: both must exist.
          String module = String.valueOf(args.get("MODULE"));
          String mainClass = String.valueOf(args.get("MAIN_CLASS"));
          Path mainSource = ROOT.resolve(module).resolve("src/main/java")
              .resolve(mainClass.replace('.', '/') + ".java");
          assertTrue(Files.isRegularFile(mainSource), name + ": no " + mainSource);
          assertTrue(String.valueOf(args.get("PORT")).matches("\\d+"), name + ": PORT " + args.get("PORT"));
        }
      } else {
        assertTrue(service.get("image") instanceof String, name + " has neither image nor build");
      }
      Object volumes = service.get("volumes");
      if (volumes instanceof List<?> list) {
        for (Object volume : list) {
          String source = String.valueOf(volume).split(":")[0];
          if (source.startsWith("./")) {
            assertTrue(Files.exists(ROOT.resolve(source)), name + ": mounted " + source + " does not exist");
          }
        }
      }
    });
    assertFalse(services("deploy/compose/cpu.override.yml").get("worker").isEmpty());
  }

  @Test
  void everyGroundstreamVariableIsOneTheServiceReads() throws Exception {
    Map<String, Map<String, Object>> services = services("docker-compose.yml");
    Set<String> ingestKnown = new HashSet<>();
    IngestConfig.DEFAULTS.keySet().forEach(k -> ingestKnown.add(
        IngestConfig.ENV_PREFIX + k.toUpperCase(Locale.ROOT).replace('.', '_')));
    Set<String> evalKnown = new HashSet<>();
    dev.groundstream.eval.config.EvalSettings.SETTINGS.settings().forEach(s -> evalKnown.add(dev.groundstream.eval.config.EvalSettings.SETTINGS.envName(s)));

    for (String name : OUR_SERVICES) {
      Map<String, String> env = environment(services.get(name));
      assertEquals("kafka:9092", env.get("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS"), name);
      assertEquals("http://schema-registry:8081", env.get("GROUNDSTREAM_REGISTRY_URL"), name);
      for (String variable : env.keySet()) {
        if (variable.startsWith("GROUNDSTREAM_KAFKA_") || variable.startsWith("GROUNDSTREAM_REGISTRY_")
            || variable.equals(S3Blobs.BLOB_URL_ENV) || variable.startsWith("GROUNDSTREAM_S3_")) {
          continue; // the claim-check store's settings, checked below
        }
        switch (name) {
          case "ingest" -> assertTrue(ingestKnown.contains(variable), "ingest does not read " + variable);
          case "eval" -> assertTrue(evalKnown.contains(variable), "eval does not read " + variable);
          default -> { }
        }
      }
    }
    // The worker's settings are checked by parsing them as the worker does.
    Map<String, String> workerEnv = new HashMap<>(environment(services.get("worker")));
    WorkerConfig worker = WorkerConfig.fromEnvironment(workerEnv);
    assertEquals(Path.of("/blobs"), worker.blobDir().orElseThrow());
    assertTrue(worker.ort().device().cuda(), "GROUNDSTREAM_WORKER_DEVICE=cuda:0 must select CUDA");
    assertEquals("kafka:9092", worker.kafka().bootstrapServers());
    assertEquals(8084, worker.httpPort());
    assertTrue(Files.isDirectory(ROOT.resolve("models").resolve(worker.modelDir().getFileName())),
        "the worker's model " + worker.modelDir() + " is not in models/, which the image copies");
    // Ingest and worker agree on the S3-compatible store (MinIO) of the claim check.
    S3Blobs blobs = worker.s3Blobs().orElseThrow();
    assertEquals("groundstream-blobs", blobs.bucket());
    assertEquals("http://minio:9000", blobs.endpoint().orElseThrow().toString());
    assertTrue(blobs.pathStyle(), "MinIO needs path-style requests");
    assertEquals(Optional.of(blobs), IngestConfig.fromEnvironment(environment(services.get("ingest"))).s3Blobs());
    assertTrue(services.containsKey("minio") && services.containsKey("minio-setup"));
    assertEquals(Set.of("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "GROUNDSTREAM_REGISTRY_URL", "GROUNDSTREAM_WORKER_DEVICE",
        "GROUNDSTREAM_WORKER_BLOB_DIR", "GROUNDSTREAM_WORKER_MODEL", "GROUNDSTREAM_WORKER_HTTP_PORT", S3Blobs.BLOB_URL_ENV, "GROUNDSTREAM_S3_ENDPOINT",
        "GROUNDSTREAM_S3_REGION", "GROUNDSTREAM_S3_ACCESS_KEY_ID", "GROUNDSTREAM_S3_SECRET_ACCESS_KEY"),
        workerEnv.keySet(),
        "a new worker variable in docker-compose.yml needs a check here");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>();
    ((Map<String, Object>) service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }
}
