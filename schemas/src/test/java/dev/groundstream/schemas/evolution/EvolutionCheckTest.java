package dev.groundstream.schemas.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvolutionCheckTest {
  /** Maven runs tests from the module folder; the released schemas live beside the sources. */
  private static final Path RELEASED = Path.of("released");

  private static final String V1 = """
      {"type":"record","name":"Thing","namespace":"t","doc":"d","fields":[
        {"name":"a","type":"string","doc":"a"}]}""";

  @Test
  void currentTopicSchemasReadEveryReleasedVersion() {
    List<String> problems = EvolutionCheck.violations(ReleasedSchemas.read(RELEASED), EvolutionCheck.topicSchemas());
    assertEquals(List.of(), problems,
        "A schema change broke BACKWARD compatibility; add a default or revert it");
  }

  @Test
  void everyTopicSchemaHasAReleasedVersion() {
    Map<String, List<Schema>> released = ReleasedSchemas.read(RELEASED);
    EvolutionCheck.topicSchemas().forEach(s ->
        assertTrue(released.containsKey(s.getName()), s.getName() + " not released"));
  }

  @Test
  void addingAFieldWithoutDefaultIsRejected(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Thing.v1.avsc"), V1);
    Schema broken = new Schema.Parser().parse(V1.replace(
        "{\"name\":\"a\",\"type\":\"string\",\"doc\":\"a\"}",
        "{\"name\":\"a\",\"type\":\"string\",\"doc\":\"a\"},{\"name\":\"b\",\"type\":\"int\",\"doc\":\"b\"}"));
    List<String> problems = EvolutionCheck.violations(ReleasedSchemas.read(dir), List.of(broken));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("READER_FIELD_MISSING_DEFAULT"), problems.get(0));
  }

  @Test
  void addingAFieldWithDefaultIsAcceptedAndReleasedAsNextVersion(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Thing.v1.avsc"), V1);
    Schema evolved = new Schema.Parser().parse(V1.replace(
        "{\"name\":\"a\",\"type\":\"string\",\"doc\":\"a\"}",
        "{\"name\":\"a\",\"type\":\"string\",\"doc\":\"a\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0,\"doc\":\"b\"}"));
    assertEquals(List.of(), EvolutionCheck.violations(ReleasedSchemas.read(dir), List.of(evolved)));
    assertEquals(List.of(dir.resolve("Thing.v2.avsc")), ReleasedSchemas.release(dir, List.of(evolved)));
    assertEquals(List.of(), ReleasedSchemas.release(dir, List.of(evolved)), "unchanged schema is not re-released");
    assertEquals(2, ReleasedSchemas.read(dir).get("Thing").size());
  }
}
