package dev.groundstream.eval.streams;

import dev.groundstream.schemas.serde.AvroSerde;
import dev.groundstream.schemas.serde.WireFormat;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry-framed bytes to and from {@link Framed}: for a source topic (decode once, keep the bytes)
 * and for the join stores (write the kept bytes unchanged). Store values written by earlier versions
 * are plain Avro without the registry header; they never start with the magic byte 0 (the first field
 * of results and truth is a UUID string, whose length prefix is 72), so the store serde tells them
 * apart and reads them. The source serde stays strict: a record without the header is an error.
 */
public final class FramedSerde<T extends SpecificRecord> implements Serde<Framed<T>> {
  private final AvroSerde<T> registry;
  private final InternalAvroSerde<T> legacyStoreFormat; // null: strict (source topics)

  private FramedSerde(AvroSerde<T> registry, InternalAvroSerde<T> legacyStoreFormat) {
    this.registry = registry;
    this.legacyStoreFormat = legacyStoreFormat;
  }

  public static <T extends SpecificRecord> FramedSerde<T> forSource(AvroSerde<T> registry) {
    return new FramedSerde<>(registry, null);
  }

  public static <T extends SpecificRecord> FramedSerde<T> forStore(AvroSerde<T> registry, Class<T> type) {
    return new FramedSerde<>(registry, new InternalAvroSerde<>(type));
  }

  @Override
  public Serializer<Framed<T>> serializer() {
    Serializer<T> encoder = registry.serializer();
    return (topic, framed) -> {
      if (framed == null) {
        return null;
      }
      return framed.bytes() != null ? framed.bytes() : encoder.serialize(topic, framed.value());
    };
  }

  @Override
  public Deserializer<Framed<T>> deserializer() {
    Deserializer<T> decoder = registry.deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (legacyStoreFormat != null && bytes.length > 0 && bytes[0] != WireFormat.MAGIC) {
        return new Framed<>(legacyStoreFormat.decode(bytes), null);
      }
      T value = decoder.deserialize(topic, bytes);
      return value == null ? null : new Framed<>(value, bytes);
    };
  }
}
