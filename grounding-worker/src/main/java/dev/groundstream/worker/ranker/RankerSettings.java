package dev.groundstream.worker.ranker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Weights and switches of the semantic ranker (the "ranker" section of a detector-ranker card;
 * every field optional, defaults below; docs/ranker.md explains each). The use* switches exist for
 * ablations: they turn one signal off without touching the others.
 *
 * @param senseWeights weight of a head's 1st, 2nd, 3rd WordNet sense (later senses are ignored)
 * @param hypernymMatch factor for a head that is a hypernym of a class anchor ("an animal")
 * @param minHypernymDepth a hypernym head must be at least this deep below WordNet's root
 * @param textWeight weight of the text encoder in the noisy-or with WordNet
 * @param cosineFloor MiniLM cosine that counts as no evidence
 * @param cosineCeiling MiniLM cosine that counts as full evidence
 * @param matchThreshold a class with relevance below this is not a match
 * @param relativeMatch a match must reach this fraction of the best present class's relevance
 * @param spatialWeight how far a spatial word can lower a poorly placed match's score (0..1)
 * @param unmatchedWeight factor on non-matching proposals kept at the end of the ranking
 * @param partScore factor on the person's score for a clothing/body-part box
 */
public record RankerSettings(float[] senseWeights, float hypernymMatch, int minHypernymDepth,
    float textWeight, float cosineFloor, float cosineCeiling, float matchThreshold, float relativeMatch,
    float spatialWeight, float unmatchedWeight, float partScore,
    boolean useWordNet, boolean useTextEncoder, boolean useSpatial, boolean useCounts,
    boolean usePersonParts, boolean useScene) {

  public static final RankerSettings DEFAULT = new RankerSettings(new float[] {1f, 0.45f, 0.3f}, 0.6f, 6,
      0.8f, 0.35f, 0.75f, 0.5f, 0.8f, 0.7f, 0.01f, 0.9f, true, true, true, true, true, true);

  /** Settings from a card's "ranker" object; missing fields keep their defaults. */
  public static RankerSettings fromJson(JsonNode n) {
    RankerSettings d = DEFAULT;
    float[] senses = d.senseWeights;
    if (n.path("senseWeights").isArray()) {
      senses = new float[n.get("senseWeights").size()];
      for (int i = 0; i < senses.length; i++) {
        senses[i] = (float) n.get("senseWeights").get(i).asDouble();
      }
    }
    return new RankerSettings(senses,
        f(n, "hypernymMatch", d.hypernymMatch), n.path("minHypernymDepth").asInt(d.minHypernymDepth),
        f(n, "textWeight", d.textWeight), f(n, "cosineFloor", d.cosineFloor), f(n, "cosineCeiling", d.cosineCeiling),
        f(n, "matchThreshold", d.matchThreshold), f(n, "relativeMatch", d.relativeMatch),
        f(n, "spatialWeight", d.spatialWeight), f(n, "unmatchedWeight", d.unmatchedWeight),
        f(n, "partScore", d.partScore),
        n.path("useWordNet").asBoolean(d.useWordNet), n.path("useTextEncoder").asBoolean(d.useTextEncoder),
        n.path("useSpatial").asBoolean(d.useSpatial), n.path("useCounts").asBoolean(d.useCounts),
        n.path("usePersonParts").asBoolean(d.usePersonParts), n.path("useScene").asBoolean(d.useScene));
  }

  public RankerSettings {
    if (!(cosineCeiling > cosineFloor)) {
      throw new IllegalArgumentException("ranker cosineCeiling must be above cosineFloor");
    }
    if (senseWeights.length == 0) {
      throw new IllegalArgumentException("ranker senseWeights must not be empty");
    }
    senseWeights = senseWeights.clone();
  }

  @Override
  public float[] senseWeights() {
    return senseWeights.clone();
  }

  /** A copy with one signal switched; for ablations. */
  public RankerSettings with(boolean wordNet, boolean textEncoder, boolean spatial, boolean counts,
      boolean personParts, boolean scene) {
    return new RankerSettings(senseWeights, hypernymMatch, minHypernymDepth, textWeight, cosineFloor,
        cosineCeiling, matchThreshold, relativeMatch, spatialWeight, unmatchedWeight, partScore,
        wordNet, textEncoder, spatial, counts, personParts, scene);
  }

  private static float f(JsonNode n, String field, float fallback) {
    return (float) n.path(field).asDouble(fallback);
  }
}
