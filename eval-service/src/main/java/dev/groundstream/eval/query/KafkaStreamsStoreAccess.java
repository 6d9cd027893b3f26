package dev.groundstream.eval.query;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** Interactive-query access to the active local stores of a running KafkaStreams. */
public final class KafkaStreamsStoreAccess implements StoreAccess {
  private final KafkaStreams streams;

  public KafkaStreamsStoreAccess(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
  }

  @Override
  public <K, V> Map<Integer, ReadOnlyKeyValueStore<K, V>> keyValueStorePartitions(String name) {
    // Partitions of this instance's active tasks; a partition whose task has not this store (another
    // sub-topology) answers InvalidStateStoreException when read, which callers skip.
    Set<Integer> partitions = new TreeSet<>();
    streams.metadataForLocalThreads().forEach(thread ->
        thread.activeTasks().forEach(task -> partitions.add(task.taskId().partition())));
    Map<Integer, ReadOnlyKeyValueStore<K, V>> stores = new TreeMap<>();
    for (int partition : partitions) {
      stores.put(partition, streams.store(StoreQueryParameters.fromNameAndType(name,
          QueryableStoreTypes.<K, V>keyValueStore()).withPartition(partition)));
    }
    return stores;
  }

  @Override
  public <K, V> ReadOnlyWindowStore<K, V> windowStore(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>windowStore()));
  }
}
