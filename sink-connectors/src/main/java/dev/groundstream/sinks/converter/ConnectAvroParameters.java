package dev.groundstream.sinks.converter;

/**
 * Schema parameters that carry Avro facts Connect has no type for. The enum keys are the ones
 * Confluent's AvroConverter writes, so Structs from either converter look the same to a sink.
 */
public final class ConnectAvroParameters {
  /** On a STRING schema: the Avro enum's full name. */
  public static final String ENUM = "io.confluent.connect.avro.Enum";
  /** Prefix of one parameter per enum symbol, in declaration order. */
  public static final String ENUM_SYMBOL_PREFIX = ENUM + ".";
  /** On a STRING schema: the Avro logical type it came from (uuid). */
  public static final String LOGICAL_TYPE = "dev.groundstream.avro.logicalType";
  /** On a BYTES schema: the size of the Avro fixed it came from. */
  public static final String FIXED_SIZE = "connect.fixed.size";

  private ConnectAvroParameters() {}
}
