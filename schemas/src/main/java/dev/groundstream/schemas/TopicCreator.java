package dev.groundstream.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics of the catalog that do not exist yet; existing topics are left alone. */
public final class TopicCreator {
  private TopicCreator() {}

  /** Returns the names it created. The replication factor is the broker's default. */
  public static List<String> createMissing(Admin admin, Collection<? extends TopicSpec<?, ?>> topics)
      throws InterruptedException {
    Set<String> existing;
    try {
      existing = admin.listTopics().names().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot list topics: " + e.getCause().getMessage(), e.getCause());
    }
    List<NewTopic> missing = new ArrayList<>();
    for (TopicSpec<?, ?> t : topics) {
      if (!existing.contains(t.name())) {
        missing.add(new NewTopic(t.name(), java.util.Optional.of(t.partitions()), java.util.Optional.empty())
            .configs(t.configs()));
      }
    }
    List<String> created = new ArrayList<>();
    for (var entry : admin.createTopics(missing).values().entrySet()) {
      try {
        entry.getValue().get();
        created.add(entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) { // another instance won the race
          throw new IllegalStateException("Cannot create topic " + entry.getKey() + ": "
              + e.getCause().getMessage(), e.getCause());
        }
      }
    }
    return created;
  }
}
