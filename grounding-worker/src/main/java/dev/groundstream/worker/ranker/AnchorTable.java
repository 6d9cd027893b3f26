package dev.groundstream.worker.ranker;

import dev.groundstream.phrases.WordNet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ranker's tab-separated WordNet anchor resources ({@code # comments}, one row per line)
 * and resolves "lemma#sense" references to synset offsets, failing loudly on a sense WordNet 3.1
 * does not have, so a typo cannot silently disable a class.
 */
final class AnchorTable {
  private AnchorTable() {}

  /** The non-comment rows of {@code resource} (next to this class), split on tabs. */
  static List<String[]> rows(String resource) {
    InputStream in = AnchorTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing ranker resource " + resource);
    }
    List<String[]> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ranker resource " + resource, e);
    }
    return out;
  }

  /** The offset of a "lemma#sense" reference (sense 1-based, WordNet order). */
  static long offset(WordNet wordNet, String reference) {
    int hash = reference.lastIndexOf('#');
    if (hash <= 0) {
      throw new IllegalStateException("anchor '" + reference + "' must be lemma#sense");
    }
    return wordNet.offsetOf(reference.substring(0, hash).trim(), Integer.parseInt(reference.substring(hash + 1).trim()));
  }
}
