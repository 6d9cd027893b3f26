package dev.groundstream.eval.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Typed access to a request's query parameters; every malformed value is a {@link BadRequestException}. */
final class QueryParameters {
  private final Map<String, String> values;

  QueryParameters(RoutingContext context) {
    this(firstValues(context));
  }

  /** Parameters built by the server itself (the live snapshot asks the same queries as the page). */
  QueryParameters(Map<String, String> values) {
    this.values = new LinkedHashMap<>(values);
  }

  private static Map<String, String> firstValues(RoutingContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    context.queryParams().forEach(entry -> out.putIfAbsent(entry.getKey(), entry.getValue()));
    return out;
  }

  /** The value, or null when absent or blank. */
  String optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw new BadRequestException("missing parameter " + name);
    }
    return value;
  }

  int intInRange(String name, int fallback, int min, int max) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new BadRequestException(name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer, got " + value);
    }
  }

  /** Epoch milliseconds or an ISO-8601 instant. */
  long time(String name, long fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notMillis) {
      try {
        return Instant.parse(value).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new BadRequestException(name + " must be epoch milliseconds or an ISO-8601 instant, got " + value);
      }
    }
  }

  /** A model reference "name:version". */
  String model(String name, boolean required) {
    String value = required ? required(name) : optional(name);
    if (value != null && (value.indexOf(':') <= 0 || value.endsWith(":"))) {
      throw new BadRequestException(name + " must be name:version, got " + value);
    }
    return value;
  }

  static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name + " must be a UUID, got " + value);
    }
  }

  boolean local() {
    return "true".equals(optional("local"));
  }

  /** The non-blank query parameters except {@code local}, to forward to another instance. */
  Map<String, String> forwardable() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (!"local".equals(key) && !value.isBlank()) {
        out.put(key, value);
      }
    });
    return out;
  }
}
