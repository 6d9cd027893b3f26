package dev.groundstream.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.eval.protocol.Categories;
import dev.groundstream.launcher.compare.ComparisonReport;
import dev.groundstream.launcher.compare.EvalServiceClient;
import dev.groundstream.launcher.compare.EvalServiceClient.EvalServiceException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The switch verdict: asks the eval service for the paired comparison of two model versions on the
 * phrases both grounded and prints the table, the intervals, McNemar's p and the verdict. Bad input
 * (not name:version, an unknown type, a version without evaluations) is a one-line error, exit 2;
 * an unreachable eval service exits 1.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare two model versions on the phrases both grounded: paired table, recall@1 with 95% "
        + "intervals, the difference, McNemar's exact p-value and a verdict, for all phrases and per type.")
public final class CompareCommand implements Callable<Integer> {
  @Option(names = "--a", required = true, paramLabel = "NAME:VERSION", description = "The current model version.")
  String a;

  @Option(names = "--b", required = true, paramLabel = "NAME:VERSION", description = "The candidate model version.")
  String b;

  @Option(names = "--dataset", description = "Only requests of this dataset (e.g. flickr30k-entities/test).")
  String dataset;

  @Option(names = "--type", description = "Only this phrase type: ${COMPLETION-CANDIDATES}.",
      completionCandidates = PhraseTypes.class)
  String type;

  @Option(names = "--eval-url", defaultValue = "http://localhost:8083",
      description = "The eval service (default the local mode's, ${DEFAULT-VALUE}).")
  URI evalUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    validate();
    EvalServiceClient client = new EvalServiceClient(evalUrl);
    PrintWriter out = spec.commandLine().getOut();
    try {
      JsonNode comparison = client.compare(a, b, dataset);
      missingVersion(client, comparison);
      ComparisonReport.print(comparison, type, out);
      return 0;
    } catch (EvalServiceException e) {
      spec.commandLine().getErr().println("groundstream compare: " + e.getMessage());
      return 1;
    }
  }

  private void validate() {
    for (String[] option : List.of(new String[] {"--a", a}, new String[] {"--b", b})) {
      String value = option[1];
      if (value.indexOf(':') <= 0 || value.endsWith(":")) {
        throw new ParameterException(spec.commandLine(), option[0] + " must be name:version, got '" + value + "'");
      }
    }
    if (a.equals(b)) {
      throw new ParameterException(spec.commandLine(), "--a and --b are the same version (" + a + ")");
    }
    if (type != null && (Categories.indexOf(type) <= 0)) {
      throw new ParameterException(spec.commandLine(), "unknown phrase type '" + type + "'; use one of "
          + String.join(", ", Categories.names().subList(1, Categories.names().size())));
    }
  }

  /** A version the eval service has no evaluation of (on the dataset) is bad input, not a 0-pair table. */
  private void missingVersion(EvalServiceClient client, JsonNode comparison) {
    for (String[] side : List.of(new String[] {"evaluationsA", a}, new String[] {"evaluationsB", b})) {
      if (comparison.path(side[0]).asLong() > 0) {
        continue;
      }
      if (dataset != null && client.compare(a, b, null).path(side[0]).asLong() > 0) {
        throw new ParameterException(spec.commandLine(),
            "model version " + side[1] + " has no results on dataset " + dataset);
      }
      Set<String> known = client.knownModels();
      known.remove(side[1]);
      throw new ParameterException(spec.commandLine(), "unknown model version " + side[1] + " (no results at "
          + client.base() + "; known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }
  }

  /** The phrase types --type accepts. */
  static final class PhraseTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Categories.names().subList(1, Categories.names().size()).iterator();
    }
  }
}
