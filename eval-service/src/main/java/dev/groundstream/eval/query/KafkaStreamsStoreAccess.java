package dev.groundstream.eval.query;

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
  public <K, V> ReadOnlyWindowStore<K, V> windowStore(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>windowStore()));
  }
}
