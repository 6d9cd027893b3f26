package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;

/**
 * Keys of the recency index ({@link StoreNames#RECENT_EVALUATIONS}): the evaluation time inverted and
 * zero-padded, then the evaluation's store key, so a store's natural (byte) order is newest first and
 * "the latest n" reads n entries instead of scanning every evaluation.
 */
public final class RecencyKeys {
  private static final int DIGITS = 19; // Long.MAX_VALUE has 19 digits

  private RecencyKeys() {}

  public static String of(Evaluation evaluation, String evaluationStoreKey) {
    String inverted = Long.toString(Long.MAX_VALUE - evaluation.getEvaluatedAt().toEpochMilli());
    return "0".repeat(DIGITS - inverted.length()) + inverted + '|' + evaluationStoreKey;
  }
}
