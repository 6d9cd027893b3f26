package dev.groundstream.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/settings.md is what the declarations say, so a new setting cannot go undocumented. */
class SettingsReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "settings.md");

  @Test
  void theCommittedReferenceIsCurrent() throws Exception {
    assertTrue(Files.isRegularFile(DOC), "missing " + DOC);
    assertEquals(SettingsCommand.reference(), Files.readString(DOC),
        "docs/settings.md is stale: run ./groundstream settings --markdown > docs/settings.md");
  }

  @Test
  void everyDeclaredSettingIsInTheReference() throws Exception {
    String doc = Files.readString(DOC);
    SettingsCommand.SERVICES.forEach(service -> service.settings().forEach(s ->
        assertTrue(doc.contains("`" + service.envName(s) + "`"), service.envName(s))));
  }
}
