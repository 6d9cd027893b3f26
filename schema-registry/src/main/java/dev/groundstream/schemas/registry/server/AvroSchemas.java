package dev.groundstream.schemas.registry.server;

import org.apache.avro.Schema;

/**
 * Parses schema text the way the registry compares schemas: Avro's {@code Schema.toString()}
 * keeps doc, defaults and custom properties but drops whitespace and key order, so it is the
 * identity used for de-duplication.
 */
final class AvroSchemas {
  private AvroSchemas() {}

  static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    try {
      // A fresh parser each time: a parser remembers named types across calls.
      return new Schema.Parser().parse(schemaText);
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema " + schemaText + ", details: "
          + e.getMessage());
    }
  }

  static String canonical(String schemaText) {
    return parse(schemaText).toString();
  }
}
