package dev.groundstream.schemas;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate classes outside its trusted packages when it resolves a schema
 * name to a generated class. Our generated records live in {@code dev.groundstream.avro}; this
 * adds that package to the JVM-wide predicate once, keeping every class Avro already trusts.
 */
public final class AvroClassTrust {
  private static final String GENERATED_PACKAGE = "dev.groundstream.avro.";
  private static volatile boolean installed;

  private AvroClassTrust() {}

  public static synchronized void install() {
    if (installed) {
      return;
    }
    ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityPredicate ours = c -> c.getName().startsWith(GENERATED_PACKAGE);
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
    installed = true;
  }
}
