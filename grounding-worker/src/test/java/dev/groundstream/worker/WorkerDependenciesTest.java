package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.health.DependencyProbe;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which dependency an aborted transaction is blamed on. */
class WorkerDependenciesTest {
  @Test
  void unreachableRegistryIsTheRegistryEverythingElseTheWrites() {
    assertEquals(DependencyProbe.REGISTRY, WorkerDependencies.dependencyOf(new SerializationException("no id",
        new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "unreachable"))));
    assertEquals(WorkerDependencies.WRITES, WorkerDependencies.dependencyOf(new SerializationException("bad",
        new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE, "incompatible"))));
    assertEquals(WorkerDependencies.WRITES, WorkerDependencies.dependencyOf(new TimeoutException("commit timed out")));
  }
}
