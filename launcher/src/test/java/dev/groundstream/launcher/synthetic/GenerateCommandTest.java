package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.launcher.GroundStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code generate} subcommand, as a user runs it (the Kafka route: GenerateToKafkaTest). */
class GenerateCommandTest {
  @TempDir Path out;

  @Test
  void writesAFlickrFolderOfTheRequestedCount() throws Exception {
    int exit = new CommandLine(new GroundStream()).execute("generate", "--count", "4", "--seed", "21",
        "--out", out.toString(), "--split", "val");
    assertEquals(0, exit);
    SceneGenerator generator = new SceneGenerator(21);
    List<String> ids = Files.readAllLines(out.resolve("val.txt"));
    assertEquals(4, ids.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(generator.imageId(i), ids.get(i));
      assertTrue(Arrays.equals(generator.scene(i).png(), Files.readAllBytes(out.resolve("images").resolve(ids.get(i) + ".png"))));
      assertTrue(Files.isRegularFile(out.resolve("Sentences").resolve(ids.get(i) + ".txt")));
      assertTrue(Files.isRegularFile(out.resolve("Annotations").resolve(ids.get(i) + ".xml")));
    }
  }

  @Test
  void needsExactlyOneTarget() {
    CommandLine cli = new CommandLine(new GroundStream());
    assertNotEquals(0, cli.execute("generate", "--count", "1"));
    assertNotEquals(0, cli.execute("generate", "--count", "1", "--out", out.toString(), "--to-kafka"));
  }
}
