package dev.groundstream.config.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The parsed settings of one service, typed by their declarations. */
public final class SettingValues {
  private final ServiceSettings settings;
  private final Map<String, String> text;
  private final Map<String, Object> parsed;
  private final Set<String> given;

  SettingValues(ServiceSettings settings, Map<String, String> text, Map<String, Object> parsed, Set<String> given) {
    this.settings = settings;
    this.text = text;
    this.parsed = parsed;
    this.given = given;
  }

  /** The declarations these values were read by (for messages naming a setting's variable). */
  ServiceSettings settings() {
    return settings;
  }

  /** True when the setting came from the environment, a flag or an override, not its default. */
  public boolean given(Setting<?> setting) {
    return given.contains(setting.name());
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    if (!parsed.containsKey(setting.name())) {
      throw new IllegalArgumentException(setting.name() + " is not a setting of " + settings.service());
    }
    return (T) parsed.get(setting.name());
  }

  /** The text a setting was read from (to write it back, or to show it). */
  public String text(Setting<?> setting) {
    return text.get(setting.name());
  }

  /** These values with some replaced (name -> text), parsed and checked like flags. */
  public SettingValues with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(text);
    merged.putAll(overrides);
    return settings.defaultsWith(merged);
  }

  /** Equal when read from the same texts for the same service. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SettingValues other && other.settings == settings && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return settings.service() + text;
  }
}
