package dev.groundstream.launcher.commands;

import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.eval.config.EvalSettings;
import dev.groundstream.ingest.IngestSettings;
import dev.groundstream.schemas.registry.server.RegistryServerSettings;
import dev.groundstream.worker.WorkerSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code groundstream settings}: every service's settings, from their declarations (docs/settings.md). */
@Command(name = "settings", mixinStandardHelpOptions = true,
    description = "Print every setting of the services (flag, environment variable, type, default, meaning).")
public final class SettingsCommand implements Callable<Integer> {
  /** The services whose settings are declared with ServiceSettings, in data-flow order. */
  public static final List<ServiceSettings> SERVICES = List.of(IngestSettings.SETTINGS, WorkerSettings.SETTINGS,
      EvalSettings.SETTINGS, RegistryServerSettings.SETTINGS);

  @Option(names = "--markdown", description = "Print docs/settings.md (Markdown) instead of plain text.")
  boolean markdown;

  @Override
  public Integer call() {
    if (markdown) {
      System.out.print(reference());
    } else {
      SERVICES.forEach(s -> System.out.println(s.help() + System.lineSeparator()));
    }
    return 0;
  }

  /** The text of docs/settings.md. */
  public static String reference() {
    StringBuilder out = new StringBuilder("""
        # Settings reference

        Generated from the declarations in the code by `./groundstream settings --markdown > docs/settings.md`
        (a test fails when this file is stale). One grammar for every service: environment variable
        `GROUNDSTREAM_<SERVICE>_<NAME>` or flag `--name value` / `--name=value` (flags win); durations as
        `500ms`, `5s`, `1m`, `2h`, `7d` or ISO-8601 (`PT1M`); `off` where a number may be switched off.
        Any Kafka client property comes from `GROUNDSTREAM_KAFKA_<PROPERTY>` and the registry's from
        `GROUNDSTREAM_REGISTRY_*` (see the README's Configuration section). Former names keep working for
        one release and log a warning that names the new one. A bad value stops the service with one line
        naming the setting, and exit code 2.

        The `registry` section is the standalone registry (`SchemaRegistryMain`); `./groundstream registry`
        takes the same `--host`, `--port` and `--tls-*` flags. The `tls-*` settings of every service switch
        its HTTP port to HTTPS only (docs/architecture.md §4); none set = plain HTTP.
        """);
    for (ServiceSettings service : SERVICES) {
      out.append("\n## ").append(service.service()).append("\n\n").append(service.markdown());
    }
    return out.toString();
  }
}
