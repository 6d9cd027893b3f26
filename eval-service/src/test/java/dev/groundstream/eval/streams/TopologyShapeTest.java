package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.config.EvalConfig;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape that keeps the cost per result down: the aggregates and the signals share one
 * repartition topic (one record per result), and the join's stores include the paired tables.
 */
class TopologyShapeTest {

  @Test
  void oneRepartitionTopicForAggregatesAndSignals() {
    EvalConfig config = EvalConfig.defaults(KafkaConnection.of("unused:9092"), RegistryConnection.of("http://unused:1"));
    String description = new EvalTopology(config, EvalSerdes.of(config.registry()), EvalCounters.discarding())
        .build().describe().toString();
    Set<String> repartitions = new TreeSet<>();
    Matcher m = Pattern.compile("topic: (\\S+-repartition)").matcher(description);
    while (m.find()) {
      repartitions.add(m.group(1));
    }
    assertEquals(Set.of("updates-by-model-dataset-repartition"), repartitions, description);
    assertTrue(description.contains(StoreNames.PAIRED_TABLES) && description.contains(StoreNames.EVALUATION_COUNTS),
        "the join keeps the paired tables and counts");
  }
}
