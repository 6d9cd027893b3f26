package dev.groundstream.eval.streams;

import dev.groundstream.eval.query.StoreAccess;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The interactive-query view of a TopologyTestDriver's stores, so LocalQueries can be tested on it. */
final class DriverStoreAccess implements StoreAccess {
  private final TopologyTestDriver driver;

  DriverStoreAccess(TopologyTestDriver driver) {
    this.driver = driver;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
    return driver.getKeyValueStore(name);
  }

  @Override
  public <K, V> Map<Integer, ReadOnlyKeyValueStore<K, V>> keyValueStorePartitions(String name) {
    return Map.of(0, driver.getKeyValueStore(name)); // the driver runs one task per sub-topology
  }

  @Override
  public <K, V> ReadOnlyWindowStore<K, V> windowStore(String name) {
    return driver.getWindowStore(name);
  }
}
