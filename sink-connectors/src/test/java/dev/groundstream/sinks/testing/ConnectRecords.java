package dev.groundstream.sinks.testing;

import dev.groundstream.sinks.converter.AvroToConnect;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records made from generated Avro records, converted the way the Avro converter does. */
public final class ConnectRecords {
  private static final AvroToConnect TO_CONNECT = new AvroToConnect();

  private ConnectRecords() {}

  public static SinkRecord sinkRecord(String topic, int partition, long offset, SpecificRecord value) {
    Schema schema = TO_CONNECT.toConnectSchema(value.getSchema());
    Object struct = TO_CONNECT.toConnectValue(value.getSchema(), schema, value);
    return new SinkRecord(topic, partition, null, null, schema, struct, offset);
  }
}
