package dev.groundstream.eval.streams;

import org.apache.avro.specific.SpecificRecord;

/**
 * A record decoded from a topic together with the exact bytes it arrived in (registry wire format).
 * The join stores keep those bytes as they are, so storing a result or a truth costs no second Avro
 * encode: on the hot path that encode was as expensive as the evaluation itself.
 *
 * @param bytes the registry-framed bytes, or null for a value read from a store written before
 *     stores kept them (it is then encoded again when stored)
 */
public record Framed<T extends SpecificRecord>(T value, byte[] bytes) {}
