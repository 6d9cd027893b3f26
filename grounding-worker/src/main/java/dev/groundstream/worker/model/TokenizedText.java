package dev.groundstream.worker.model;

/** Token ids of a text with each token's character span [start, end) (both -1 for special tokens). */
public record TokenizedText(long[] ids, int[] starts, int[] ends) {
  public int length() {
    return ids.length;
  }

  /** Whether token {@code t} covers any character of [charStart, charEnd). */
  public boolean overlaps(int t, int charStart, int charEnd) {
    return ends[t] > starts[t] && ends[t] > charStart && starts[t] < charEnd;
  }
}
