package dev.groundstream.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.launcher.GroundStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundstream models check} on broken folders: exit 2 and one line naming the mismatch. */
class ModelsCheckCommandTest {
  private static final Path FIXTURE = Path.of("..", "grounding-worker", "src", "test", "resources", "models", "fake-detector");

  @TempDir Path temp;

  @Test
  void aCardWithTheWrongLayoutFailsWithItsMessage() throws Exception {
    Path broken = copyWithCard("\"NHWC\"", "\"NCHW\"");
    Result r = check(broken);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: the card says NCHW") && l.contains("looks NHWC")),
        r.err());
  }

  @Test
  void aCardNamingAMissingInputFailsWithItsMessage() throws Exception {
    Path broken = copyWithCard("\"name\": \"images\"", "\"name\": \"pixels\"");
    Result r = check(broken);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("error: card input 'image' names 'pixels'"), r.err());
  }

  @Test
  void aFolderWithoutACardIsOneLine() throws Exception {
    Result r = check(Files.createDirectories(temp.resolve("empty")));
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("groundstream-model.json"), r.err());
  }

  private record Result(int code, String err) {}

  private static Result check(Path folder) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = GroundStream.commandLine().execute("models", "check", folder.toString(), "--runs", "1");
    } finally {
      System.setErr(err);
    }
    return new Result(code, captured.toString(StandardCharsets.UTF_8));
  }

  private Path copyWithCard(String from, String to) throws Exception {
    Path target = Files.createDirectories(temp.resolve("broken"));
    try (Stream<Path> files = Files.list(FIXTURE)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    Path card = target.resolve("groundstream-model.json");
    String text = Files.readString(card);
    assertTrue(text.contains(from), "fixture changed: " + from);
    Files.writeString(card, text.replace(from, to));
    return target;
  }
}
