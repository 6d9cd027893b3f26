package dev.groundstream.launcher.commands;

import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.evolution.EvolutionCheck;
import dev.groundstream.schemas.evolution.ReleasedSchemas;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Schema governance from the command line: check evolution against the released versions, release
 * the current schemas, and register them in a registry (the deploy step of production, where the
 * services run with auto-registration off).
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "check | release | register the topic schemas.")
public final class SchemasCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "check, release or register")
  String action;

  @Option(names = "--released-dir", defaultValue = "schemas/released",
      description = "Folder of released schema versions (default ${DEFAULT-VALUE}).")
  Path releasedDir;

  @Mixin ConnectionOptions connection;

  @Override
  public Integer call() {
    switch (action) {
      case "check" -> {
        List<String> problems = EvolutionCheck.violations(ReleasedSchemas.read(releasedDir), EvolutionCheck.topicSchemas());
        problems.forEach(System.err::println);
        System.out.println(problems.isEmpty() ? "All topic schemas read every released version." : problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
      }
      case "release" -> {
        ReleasedSchemas.release(releasedDir, EvolutionCheck.topicSchemas()).forEach(p -> System.out.println("released " + p));
        return 0;
      }
      case "register" -> {
        SchemaRegistryClient registry = new RestSchemaRegistryClient(connection.registry());
        for (TopicSpec<?, ?> topic : Topics.ALL) {
          System.out.print(String.format("%-28s id %d%n", topic.keySubject(), registry.register(topic.keySubject(), topic.keySchema())));
          System.out.print(String.format("%-28s id %d%n", topic.valueSubject(), registry.register(topic.valueSubject(), topic.valueSchema())));
        }
        return 0;
      }
      default -> {
        System.err.println("Unknown action '" + action + "': use check, release or register");
        return 2;
      }
    }
  }
}
