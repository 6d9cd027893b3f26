package dev.groundstream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.testing.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void requestKeyedTopicsShareKeyAndPartitionCountSoJoinsAreCoPartitioned() {
    for (TopicSpec<?, ?> t : List.of(Topics.REQUESTS_SPEC, Topics.TRUTH_SPEC, Topics.RESULTS_SPEC)) {
      assertEquals(Topics.REQUEST_PARTITIONS, t.partitions(), t.name());
      assertEquals(Topics.REQUESTS_SPEC.keySchema(), t.keySchema(), t.name());
    }
    assertEquals("compact", Topics.TRUTH_SPEC.configs().get("cleanup.policy"));
    assertEquals("compact", Topics.EVALUATIONS_SPEC.configs().get("cleanup.policy"));
    assertEquals("compact", Topics.METRICS_SPEC.configs().get("cleanup.policy"));
    assertEquals("compact", Topics.INGEST_ACCEPTED_SPEC.configs().get("cleanup.policy"), "an index: one record per id");
    assertEquals(Topics.REQUESTS_SPEC.keySchema(), Topics.INGEST_ACCEPTED_SPEC.keySchema());
    assertEquals("-1", Topics.REQUESTS_SPEC.configs().get("retention.ms"), "requests are the replay source");
    assertEquals("grounding.results-value", Topics.RESULTS_SPEC.valueSubject());
  }

  @Test
  void everyFieldOfEveryTopicSchemaIsDocumented() {
    for (TopicSpec<?, ?> t : Topics.ALL) {
      for (Schema s : List.of(t.keySchema(), t.valueSchema())) {
        assertTrue(s.getDoc() != null && !s.getDoc().isBlank(), s.getFullName() + " lacks a doc");
        s.getFields().forEach(f ->
            assertTrue(f.doc() != null && !f.doc().isBlank(), s.getName() + "." + f.name() + " lacks a doc"));
      }
    }
  }

  @Test
  void everyRecordRoundTripsThroughAvroBinary() throws IOException {
    AvroClassTrust.install();
    for (SpecificRecord record : SampleRecords.everyTopicRecord()) {
      Schema schema = record.getSchema();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(schema).write(record, encoder);
      encoder.flush();
      SpecificRecord back = new SpecificDatumReader<SpecificRecord>(schema)
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
      assertEquals(record, back, schema.getName());
    }
  }

  @Test
  void eachTopicNamesTheClassesOfItsSchemas() {
    for (TopicSpec<?, ?> t : Topics.ALL) {
      assertEquals(t.keyClass().getName(), t.keySchema().getFullName(), t.name());
      assertEquals(t.valueClass().getName(), t.valueSchema().getFullName(), t.name());
    }
    assertEquals(dev.groundstream.avro.GroundingResult.class, Topics.RESULTS_SPEC.valueClass());
  }
}
