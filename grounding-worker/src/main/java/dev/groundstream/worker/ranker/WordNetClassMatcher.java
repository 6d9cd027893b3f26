package dev.groundstream.worker.ranker;

import dev.groundstream.phrases.WordNet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How well a head noun names each detector class, by WordNet 3.1 (resource
 * coco-wordnet-anchors.tsv maps every class to anchor synsets). For each of the head's first
 * senses (weights {@link RankerSettings#senseWeights()}: WordNet's most frequent sense counts most):
 * <ul>
 *   <li>1 x sense weight if the sense is an anchor or a hyponym of one ("a puppy" -> dog, "a man"
 *   -> person, "a pickup" -> truck);</li>
 *   <li>{@link RankerSettings#hypernymMatch()} x sense weight if the sense is a hypernym of an anchor
 *   and at least {@link RankerSettings#minHypernymDepth()} deep, so "a feline" -> cat and
 *   "an animal" -> every animal class, but "an object" matches nothing;</li>
 * </ul>
 * and 1 if the head (or its base form) is the class name itself ("a book" -> book, although
 * WordNet's first sense of book is the written work). Synonyms ("automobile" -> car#1) come in
 * through the senses. A class's relevance is the maximum over these.
 */
public final class WordNetClassMatcher {
  private final WordNet wordNet;
  private final RankerSettings settings;
  private final List<String> labels;
  private final List<Set<Long>> anchors = new ArrayList<>();
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  public WordNetClassMatcher(WordNet wordNet, List<String> labels, RankerSettings settings) {
    this.wordNet = wordNet;
    this.settings = settings;
    this.labels = List.copyOf(labels);
    Map<String, String[]> byLabel = new java.util.HashMap<>();
    for (String[] row : AnchorTable.rows("coco-wordnet-anchors.tsv")) {
      byLabel.put(row[0].trim(), row[1].split(","));
    }
    for (String label : labels) {
      Set<Long> offsets = new HashSet<>();
      for (String ref : byLabel.getOrDefault(label, new String[0])) {
        offsets.add(AnchorTable.offset(wordNet, ref));
      }
      anchors.add(offsets);
    }
  }

  public List<String> labels() {
    return labels;
  }

  /** Relevance of every class (index as in the labels file) for {@code head}, each in [0, 1]. */
  public float[] relevance(String head) {
    return cache.computeIfAbsent(head, this::compute).clone();
  }

  private float[] compute(String head) {
    float[] out = new float[labels.size()];
    if (head.isEmpty()) {
      return out;
    }
    Set<String> forms = new HashSet<>(wordNet.baseForms(head));
    forms.add(head);
    float[] senseWeights = settings.senseWeights();
    for (WordNet.Sense sense : wordNet.senses(head)) {
      if (sense.rank() >= senseWeights.length) {
        continue;
      }
      float weight = senseWeights[sense.rank()];
      Map<Long, Integer> up = wordNet.hypernymDistances(sense.offset());
      boolean deepEnough = wordNet.depth(sense.offset()) >= settings.minHypernymDepth();
      for (int c = 0; c < out.length; c++) {
        for (long anchor : anchors.get(c)) {
          if (up.containsKey(anchor)) {
            out[c] = Math.max(out[c], weight);
          } else if (deepEnough && wordNet.hypernymDistances(anchor).containsKey(sense.offset())) {
            out[c] = Math.max(out[c], weight * settings.hypernymMatch());
          }
        }
      }
    }
    for (int c = 0; c < out.length; c++) {
      if (forms.contains(labels.get(c))) {
        out[c] = 1;
      }
    }
    return out;
  }
}
