package dev.groundstream.config.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of one service and the one grammar they are read with: later wins among the
 * default, the environment ({@code GROUNDSTREAM_<SERVICE>_<NAME>}, or the setting's shared variable)
 * and flags ({@code --name value} or {@code --name=value}). Former names still work and log a
 * deprecation warning naming the new one. Unknown flags are an error, never ignored.
 */
public final class ServiceSettings {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceSettings.class);

  /** Marks a setting that kept its default, in the source named by error messages. */
  private static final String NOT_SET = " (not set)";

  private final String service;
  private final Map<String, Setting<?>> byName = new LinkedHashMap<>();

  public ServiceSettings(String service, List<Setting<?>> settings) {
    this.service = service;
    for (Setting<?> s : settings) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException(service + " declares setting " + s.name() + " twice");
      }
    }
  }

  public String service() {
    return service;
  }

  public List<Setting<?>> settings() {
    return List.copyOf(byName.values());
  }

  /** GROUNDSTREAM_WORKER_MAX_BATCH_SIZE for setting max-batch-size of service worker. */
  public String envName(Setting<?> setting) {
    return setting.envOverride().orElse("GROUNDSTREAM_" + service.toUpperCase(Locale.ROOT) + "_"
        + setting.name().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Reads every setting; a bad value or an unknown flag is a {@link SettingsException}. */
  public SettingValues read(Map<String, String> env, List<String> args) {
    Map<String, String> text = new LinkedHashMap<>();
    Map<String, String> source = new LinkedHashMap<>();
    for (Setting<?> s : byName.values()) {
      text.put(s.name(), s.defaultText());
      source.put(s.name(), "--" + s.name() + NOT_SET);
      for (Setting.Alias alias : s.aliases()) {
        if (!alias.name().startsWith("--") && env.containsKey(alias.name())) {
          text.put(s.name(), alias.translate().apply(env.get(alias.name())));
          source.put(s.name(), alias.name());
          LOG.warn("{} is deprecated and will be removed in the next release; use {} ({})", alias.name(),
              envName(s), s.type());
        }
      }
      String variable = envName(s);
      if (env.containsKey(variable)) {
        text.put(s.name(), env.get(variable));
        source.put(s.name(), variable);
      }
    }
    readFlags(args, text, source);
    return values(text, source);
  }

  /** The defaults with {@code overrides} (setting name -> text) applied; for tests and embedding. */
  public SettingValues defaultsWith(Map<String, String> overrides) {
    Map<String, String> text = new LinkedHashMap<>();
    Map<String, String> source = new LinkedHashMap<>();
    byName.values().forEach(s -> {
      text.put(s.name(), s.defaultText());
      source.put(s.name(), "--" + s.name() + NOT_SET);
    });
    overrides.forEach((name, value) -> {
      requireKnown(name);
      text.put(name, value);
      source.put(name, "--" + name);
    });
    return values(text, source);
  }

  private void readFlags(List<String> args, Map<String, String> text, Map<String, String> source) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new SettingsException("unexpected argument '" + arg + "' (settings are --name value or --name=value)");
      }
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      Optional<Setting<?>> alias = aliasedFlag("--" + flag);
      Setting<?> setting = alias.orElseGet(() -> requireKnown(flag));
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (setting.switchFlag() && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new SettingsException("--" + flag + " needs a value (" + setting.type() + ")");
      }
      if (alias.isPresent()) {
        Setting.Alias a = alias.get().aliases().stream().filter(x -> x.name().equals("--" + flag)).findFirst().orElseThrow();
        value = a.translate().apply(value);
        LOG.warn("--{} is deprecated and will be removed in the next release; use --{} ({})", flag,
            setting.name(), setting.type());
      }
      text.put(setting.name(), value);
      source.put(setting.name(), "--" + flag);
    }
  }

  private Optional<Setting<?>> aliasedFlag(String flag) {
    return byName.values().stream().filter(s -> s.aliases().stream().anyMatch(a -> a.name().equals(flag))).findFirst();
  }

  private Setting<?> requireKnown(String name) {
    Setting<?> s = byName.get(name);
    if (s == null) {
      throw new SettingsException("unknown flag --" + name + " for " + service + "; known: "
          + String.join(", ", byName.keySet()));
    }
    return s;
  }

  private SettingValues values(Map<String, String> text, Map<String, String> source) {
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (Setting<?> s : byName.values()) {
      parsed.put(s.name(), s.parse(text.get(s.name()), source.get(s.name())));
    }
    Set<String> given = new HashSet<>();
    source.forEach((name, from) -> {
      if (!from.endsWith(NOT_SET)) {
        given.add(name);
      }
    });
    return new SettingValues(this, Map.copyOf(text), parsed, Set.copyOf(given));
  }

  /** One line per setting: flag, environment variable, type, default, doc. */
  public String help() {
    List<String> lines = new ArrayList<>();
    lines.add(service + " settings (flag --name value | --name=value; environment variable; default):");
    for (Setting<?> s : byName.values()) {
      lines.add(String.format("  --%-28s %-44s %s (default: %s)", s.name() + " <" + s.type() + ">", envName(s), s.doc(),
          s.defaultText().isEmpty() ? "none" : s.defaultText()));
    }
    return String.join(System.lineSeparator(), lines);
  }

  /** The Markdown table of docs/settings.md for this service. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| flag | environment variable | type | default | meaning |\n|---|---|---|---|---|\n");
    for (Setting<?> s : byName.values()) {
      out.append("| `--").append(s.name()).append("` | `").append(envName(s)).append("` | ").append(s.type().replace("|", "\\|"))
          .append(" | ").append(s.defaultText().isEmpty() ? "—" : "`" + s.defaultText() + "`").append(" | ")
          .append(s.doc().replace("|", "\\|"));
      if (!s.aliases().isEmpty()) {
        out.append(" Formerly ").append(String.join(", ", s.aliases().stream().map(a -> "`" + a.name() + "`").toList()))
            .append(" (deprecated).");
      }
      out.append(" |\n");
    }
    return out.toString();
  }
}
