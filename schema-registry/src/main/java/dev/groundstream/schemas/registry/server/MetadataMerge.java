package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Confluent's merging of a version's metadata and rule set with a config's
 * {@code defaultMetadata}/{@code overrideMetadata} and {@code defaultRuleSet}/{@code overrideRuleSet}:
 * the later one wins per metadata tag and property, sensitive names are united, and rules are
 * replaced by name (the later list's rules come after the earlier list's kept ones).
 */
final class MetadataMerge {
  private MetadataMerge() {}

  static JsonNode metadata(JsonNode earlier, JsonNode later) {
    if (earlier == null || later == null) {
      return later == null ? earlier : later;
    }
    ObjectNode merged = earlier.deepCopy();
    for (String field : new String[] {"tags", "properties"}) {
      if (later.get(field) instanceof ObjectNode laterMap) {
        ObjectNode target = merged.get(field) instanceof ObjectNode o ? o : merged.putObject(field);
        target.setAll(laterMap.deepCopy());
      }
    }
    if (later.get("sensitive") instanceof ArrayNode laterSensitive) {
      Set<String> names = new LinkedHashSet<>();
      merged.path("sensitive").forEach(n -> names.add(n.asText()));
      laterSensitive.forEach(n -> names.add(n.asText()));
      ArrayNode array = merged.putArray("sensitive");
      names.forEach(array::add);
    }
    return merged;
  }

  static JsonNode ruleSet(JsonNode earlier, JsonNode later) {
    if (earlier == null || later == null) {
      return later == null ? earlier : later;
    }
    ObjectNode merged = earlier.deepCopy();
    later.fieldNames().forEachRemaining(field -> {
      JsonNode laterRules = later.get(field);
      if (!(laterRules instanceof ArrayNode laterArray)
          || !(merged.get(field) instanceof ArrayNode earlierArray)) {
        merged.set(field, laterRules.deepCopy());
        return;
      }
      Set<String> replaced = new HashSet<>();
      laterArray.forEach(rule -> replaced.add(rule.path("name").asText()));
      ArrayNode result = merged.putArray(field);
      earlierArray.forEach(rule -> {
        if (!replaced.contains(rule.path("name").asText())) {
          result.add(rule);
        }
      });
      laterArray.forEach(rule -> result.add(rule.deepCopy()));
    });
    return merged;
  }
}
