package dev.groundstream.eval.query;

import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** Read access to this instance's local state stores (Kafka Streams or a test driver). */
public interface StoreAccess {
  <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);

  /**
   * The store of each local active partition separately, by partition, for queries that need each
   * partition's own key order (a composite store iterates partitions one after another, not merged)
   * or that read two stores of the same task together.
   */
  <K, V> Map<Integer, ReadOnlyKeyValueStore<K, V>> keyValueStorePartitions(String name);

  <K, V> ReadOnlyWindowStore<K, V> windowStore(String name);
}
