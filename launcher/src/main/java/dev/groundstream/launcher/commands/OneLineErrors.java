package dev.groundstream.launcher.commands;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Bad command-line input as one line naming the problem ("groundstream compare: --a must be
 * name:version, got 'x'") and exit code 2, instead of picocli's message followed by the whole usage.
 */
public final class OneLineErrors implements IParameterExceptionHandler {
  public static final int BAD_INPUT = 2;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
        + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
    err.flush();
    return BAD_INPUT;
  }
}
