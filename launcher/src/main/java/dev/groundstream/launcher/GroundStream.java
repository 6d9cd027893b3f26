package dev.groundstream.launcher;

import dev.groundstream.launcher.commands.BenchCommand;
import dev.groundstream.launcher.commands.EvaluateCommand;
import dev.groundstream.launcher.commands.GenerateCommand;
import dev.groundstream.launcher.commands.ImportCommand;
import dev.groundstream.launcher.commands.LocalCommand;
import dev.groundstream.launcher.commands.RegistryCommand;
import dev.groundstream.launcher.commands.ReplayCommand;
import dev.groundstream.launcher.commands.SchemasCommand;
import dev.groundstream.launcher.commands.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code groundstream} command line. */
@Command(name = "groundstream", mixinStandardHelpOptions = true, version = "groundstream 0.1.0",
    description = "Streams captioned images through phrase-grounding models and measures them live.",
    subcommands = {LocalCommand.class, ImportCommand.class, ReplayCommand.class, WorkerCommand.class, EvaluateCommand.class, GenerateCommand.class, RegistryCommand.class, SchemasCommand.class, BenchCommand.class})
public final class GroundStream {

  public static void main(String[] args) {
    System.exit(new CommandLine(new GroundStream()).execute(args));
  }
}
