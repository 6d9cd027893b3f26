package dev.groundstream.worker.model;

/**
 * A phrase to ground: its id, text, character span in the caption ([charStart, charEnd)) and the
 * head noun ingest found ("" when the request predates heads: the ranker computes it then).
 */
public record PhraseQuery(String phraseId, String text, int charStart, int charEnd, String head) {

  public PhraseQuery {
    head = head == null ? "" : head;
  }

  /** A phrase without a head from ingest. */
  public PhraseQuery(String phraseId, String text, int charStart, int charEnd) {
    this(phraseId, text, charStart, charEnd, "");
  }
}
