package dev.groundstream.launcher.commands;

import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ModelCardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A user error found before anything is started or written: the command prints its one-line
 * message and exits 2. The checks shared by the commands that run a model are here.
 */
final class BadInput extends RuntimeException {
  static final int EXIT_CODE = 2;

  BadInput(String message) {
    super(message, null, false, false);
  }

  /** The model card of {@code folder}, or a BadInput naming what is wrong with the folder. */
  static ModelCard modelFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new BadInput("--model " + folder + ": no such model folder");
    }
    try {
      return ModelCard.load(folder);
    } catch (ModelCardException e) {
      throw new BadInput("--model " + folder + ": " + e.getMessage());
    }
  }

  /** An ISO-8601 instant, or empty for {@code beginning}/{@code end}/unset. */
  static Optional<Instant> time(String option, String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("beginning") || text.equalsIgnoreCase("end")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new BadInput(option + " '" + text + "' is not a time: use ISO-8601 like 2026-01-31T12:00:00Z, or 'beginning'");
    }
  }

  /** Prints the message as the command's one line on stderr and returns exit code 2. */
  int report(String command) {
    System.err.println("groundstream " + command + ": " + getMessage());
    return EXIT_CODE;
  }
}
