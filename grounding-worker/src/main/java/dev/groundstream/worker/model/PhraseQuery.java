package dev.groundstream.worker.model;

/** A phrase to ground: its id, text and character span in the caption ([charStart, charEnd)). */
public record PhraseQuery(String phraseId, String text, int charStart, int charEnd) {}
