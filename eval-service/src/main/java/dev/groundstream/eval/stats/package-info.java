/**
 * Statistics for comparing model versions on the same phrases: the paired 2x2 table
 * ({@link dev.groundstream.eval.stats.PairedCounts}), its summary ({@link
 * dev.groundstream.eval.stats.PairedComparison}) and McNemar's exact test ({@link
 * dev.groundstream.eval.stats.McNemarExactTest}). No dependency on the Avro records.
 */
package dev.groundstream.eval.stats;
