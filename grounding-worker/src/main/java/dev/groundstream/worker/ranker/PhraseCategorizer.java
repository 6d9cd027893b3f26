package dev.groundstream.worker.ranker;

import dev.groundstream.phrases.WordNet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides by WordNet whether a head noun is clothing / a body part (resource person-parts.tsv:
 * anchor synset -> {@link PersonPart}) or a scene (scene-anchors.tsv), looking at the head's first
 * two senses: the nearest anchor in a sense's hypernym closure wins, the first sense before the
 * second. "shoes" -> shoe#1 -> footwear -> FEET; "the beach" -> shore -> geological formation -> scene.
 */
public final class PhraseCategorizer {
  private static final int SENSES = 2;

  private final WordNet wordNet;
  private final Map<Long, PersonPart> partAnchors = new HashMap<>();
  private final Set<Long> sceneAnchors;
  private final Map<String, PhraseCategory> cache = new ConcurrentHashMap<>();

  public PhraseCategorizer(WordNet wordNet) {
    this.wordNet = wordNet;
    for (String[] row : AnchorTable.rows("person-parts.tsv")) {
      partAnchors.put(AnchorTable.offset(wordNet, row[0]), PersonPart.valueOf(row[1].trim()));
    }
    List<Long> scenes = new ArrayList<>();
    for (String[] row : AnchorTable.rows("scene-anchors.tsv")) {
      scenes.add(AnchorTable.offset(wordNet, row[0]));
    }
    this.sceneAnchors = Set.copyOf(scenes);
  }

  public PhraseCategory categorize(String head) {
    return cache.computeIfAbsent(head, this::compute);
  }

  private PhraseCategory compute(String head) {
    if (head.isEmpty()) {
      return PhraseCategory.NONE;
    }
    List<WordNet.Sense> senses = wordNet.senses(head);
    // several base forms ("shoes": shoes#1 place, shoe#1): try every form's first senses
    for (int rank = 0; rank < SENSES; rank++) {
      for (WordNet.Sense sense : senses) {
        if (sense.rank() != rank) {
          continue;
        }
        Optional<PersonPart> part = nearestPart(sense.offset());
        if (part.isPresent()) {
          return new PhraseCategory(part, false);
        }
        if (wordNet.hypernymDistances(sense.offset()).keySet().stream().anyMatch(sceneAnchors::contains)) {
          return new PhraseCategory(Optional.empty(), true);
        }
      }
    }
    return PhraseCategory.NONE;
  }

  private Optional<PersonPart> nearestPart(long offset) {
    PersonPart best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<Long, Integer> e : wordNet.hypernymDistances(offset).entrySet()) {
      PersonPart part = partAnchors.get(e.getKey());
      if (part != null && e.getValue() < bestDistance) {
        best = part;
        bestDistance = e.getValue();
      }
    }
    return Optional.ofNullable(best);
  }
}
