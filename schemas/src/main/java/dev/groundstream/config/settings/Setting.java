package dev.groundstream.config.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One setting, declared once: its flag name ({@code --max-batch-size}), type, default, doc line and
 * checks. Its environment variable follows from the service ({@code GROUNDSTREAM_<SERVICE>_<NAME>})
 * unless it is one of the shared connection settings. Old names keep working for one release.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
  /** A former name (environment variable or flag) and how its values translate to the new grammar. */
  public record Alias(String name, UnaryOperator<String> translate) {}

  private final String name;
  private final String type;
  private final Function<String, T> parser;
  private final String defaultText;
  private final String doc;
  private final String envOverride;
  private final boolean switchFlag;
  private final List<Predicate<T>> checks;
  private final List<String> checkMessages;
  private final List<Alias> aliases;

  private Setting(String name, String type, Function<String, T> parser, String defaultText, String doc,
      String envOverride, boolean switchFlag, List<Predicate<T>> checks, List<String> checkMessages,
      List<Alias> aliases) {
    if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("setting names are kebab-case: " + name);
    }
    this.name = name;
    this.type = type;
    this.parser = parser;
    this.defaultText = defaultText;
    this.doc = doc;
    this.envOverride = envOverride;
    this.switchFlag = switchFlag;
    this.checks = checks;
    this.checkMessages = checkMessages;
    this.aliases = aliases;
  }

  public static <T> Setting<T> of(String name, String type, Function<String, T> parser, String defaultText, String doc) {
    return new Setting<>(name, type, parser, defaultText, doc, null, false, List.of(), List.of(), List.of());
  }

  public static Setting<String> text(String name, String defaultText, String doc) {
    return of(name, "text", s -> s, defaultText, doc);
  }

  public static Setting<Integer> integer(String name, int defaultValue, String doc) {
    return of(name, "integer", Setting::parseInt, Integer.toString(defaultValue), doc);
  }

  public static Setting<Long> longInteger(String name, long defaultValue, String doc) {
    return of(name, "integer", s -> Long.parseLong(s.trim()), Long.toString(defaultValue), doc);
  }

  public static Setting<Double> decimal(String name, double defaultValue, String doc) {
    return of(name, "number", s -> Double.parseDouble(s.trim()), Double.toString(defaultValue), doc);
  }

  /** A number or {@code off}; off is {@link Optional#empty()}, not a magic value. */
  public static Setting<Optional<Double>> optionalDecimal(String name, String defaultText, String doc) {
    return of(name, "number|off", s -> "off".equalsIgnoreCase(s.trim()) ? Optional.empty()
        : Optional.of(Double.parseDouble(s.trim())), defaultText, doc);
  }

  public static Setting<Duration> duration(String name, String defaultText, String doc) {
    return of(name, "duration", Durations::parse, defaultText, doc);
  }

  /** A true/false setting; as a flag it may stand alone ({@code --require-gpu}). */
  public static Setting<Boolean> bool(String name, boolean defaultValue, String doc) {
    return new Setting<>(name, "true|false", Setting::parseBoolean, Boolean.toString(defaultValue), doc, null, true,
        List.of(), List.of(), List.of());
  }

  /** A path, or empty when not set (no default). */
  public static Setting<Optional<Path>> optionalPath(String name, String doc) {
    return of(name, "path", s -> s.isBlank() ? Optional.<Path>empty() : Optional.of(Path.of(s.trim())), "", doc);
  }

  /** This setting with a check; {@code message} says what a valid value is. */
  public Setting<T> validate(Predicate<T> check, String message) {
    List<Predicate<T>> c = new ArrayList<>(checks);
    c.add(check);
    List<String> m = new ArrayList<>(checkMessages);
    m.add(message);
    return new Setting<>(name, type, parser, defaultText, doc, envOverride, switchFlag, List.copyOf(c), List.copyOf(m),
        aliases);
  }

  /** Read from this exact environment variable (shared settings such as GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS). */
  public Setting<T> env(String variable) {
    return new Setting<>(name, type, parser, defaultText, doc, variable, switchFlag, checks, checkMessages, aliases);
  }

  /** A former environment variable or {@code --flag} name, values taken as they are. */
  public Setting<T> formerly(String oldName) {
    return formerly(oldName, UnaryOperator.identity());
  }

  /** A former name whose values mean something else (e.g. milliseconds -> {@code 500ms}). */
  public Setting<T> formerly(String oldName, UnaryOperator<String> translate) {
    List<Alias> a = new ArrayList<>(aliases);
    a.add(new Alias(oldName, translate));
    return new Setting<>(name, type, parser, defaultText, doc, envOverride, switchFlag, checks, checkMessages,
        List.copyOf(a));
  }

  /** Parses and checks {@code text}; the message names the setting and the rule broken. */
  public T parse(String text, String source) {
    T value;
    try {
      value = parser.apply(text);
    } catch (RuntimeException e) {
      String why = e instanceof IllegalArgumentException && e.getMessage() != null
          && !(e instanceof NumberFormatException) ? e.getMessage() : "expected " + type;
      throw new SettingsException(source + " = '" + text + "': " + why);
    }
    for (int i = 0; i < checks.size(); i++) {
      if (!checks.get(i).test(value)) {
        throw new SettingsException(source + " = '" + text + "': " + checkMessages.get(i));
      }
    }
    return value;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public String defaultText() {
    return defaultText;
  }

  public String doc() {
    return doc;
  }

  public Optional<String> envOverride() {
    return Optional.ofNullable(envOverride);
  }

  public boolean switchFlag() {
    return switchFlag;
  }

  public List<Alias> aliases() {
    return aliases;
  }

  private static int parseInt(String s) {
    return Integer.parseInt(s.trim());
  }

  private static boolean parseBoolean(String s) {
    String v = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("expected true or false");
    }
    return v.equals("true");
  }
}
