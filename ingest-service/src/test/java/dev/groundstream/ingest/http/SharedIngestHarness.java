package dev.groundstream.ingest.http;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link IngestHarness} shared by every HTTP test class of the run (starting a broker,
 * registry and service costs most of the test time). It lives in the root store, so JUnit closes
 * it when the whole run ends — cleanly, inside the test JVM's lifetime.
 */
public final class SharedIngestHarness implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == IngestHarness.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(IngestHarness.class, key -> {
          try {
            return IngestHarness.startShared();
          } catch (Exception e) {
            throw new IllegalStateException("Cannot start the shared ingest harness", e);
          }
        }, IngestHarness.class);
  }
}
