package dev.groundstream.schemas.registry.server;

/** Avro schemas the registry tests register. */
final class TestSchemas {
  static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"test\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  /** USER with keys in another order and extra whitespace: the same schema. */
  static final String USER_REFORMATTED = "{ \"fields\" : [ { \"type\" : \"string\", \"name\" :"
      + " \"name\" } ],\n  \"namespace\" : \"test\", \"name\" : \"User\",  \"type\" : \"record\" }";
  /** USER with a doc: a different schema. */
  static final String USER_WITH_DOC = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":"
      + "\"test\",\"doc\":\"A person\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  /** USER plus an optional field: backward and forward compatible with USER. */
  static final String USER_WITH_EMAIL = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":"
      + "\"test\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\","
      + "\"type\":[\"null\",\"string\"],\"default\":null}]}";
  /** USER plus a field without default: not BACKWARD compatible with USER. */
  static final String USER_WITH_REQUIRED_AGE = "{\"type\":\"record\",\"name\":\"User\","
      + "\"namespace\":\"test\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"age\",\"type\":\"int\"}]}";
  /** Not valid JSON. */
  static final String MALFORMED = "{\"type\":\"record\",\"name\":";

  private TestSchemas() {}

  /** A distinct record schema per name, for tests that need many schemas. */
  static String record(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\","
        + "\"type\":\"long\"}]}";
  }
}
