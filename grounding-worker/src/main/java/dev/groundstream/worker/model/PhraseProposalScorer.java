package dev.groundstream.worker.model;

/**
 * Scores how well a detector proposal matches a phrase (detector-ranker kind). Pluggable: the
 * semantic ranker of issue 7 (WordNet, text encoder, spatial words) implements the same interface.
 * Scores are compared per phrase only; a score of 0 or less drops the proposal for that phrase.
 */
@FunctionalInterface
public interface PhraseProposalScorer {
  float score(PhraseQuery phrase, Proposal proposal);
}
