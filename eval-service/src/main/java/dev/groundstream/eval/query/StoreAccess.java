package dev.groundstream.eval.query;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** Read access to this instance's local state stores (Kafka Streams or a test driver). */
public interface StoreAccess {
  <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);

  <K, V> ReadOnlyWindowStore<K, V> windowStore(String name);
}
