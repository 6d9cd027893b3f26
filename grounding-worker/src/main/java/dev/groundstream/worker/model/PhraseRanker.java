package dev.groundstream.worker.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Ranks a detector's proposals for one phrase (detector-ranker kind). Richer than
 * {@link PhraseProposalScorer}: it sees all proposals and the image size at once, so it can return
 * boxes that are no single proposal (the enclosing box of a group, a part of a person box, the whole
 * image). Returns boxes best first in original-image pixels, already de-duplicated; the caller only
 * truncates to its top-k.
 */
@FunctionalInterface
public interface PhraseRanker {
  List<ScoredBox> rank(PhraseQuery phrase, List<Proposal> proposals, int imageWidth, int imageHeight);

  /**
   * All phrases of one input at once, one list per phrase in phrase order. A ranker that needs the
   * pixels or the whole caption (the people ranker: pose stage, colours, caption context) overrides
   * this; the default ranks each phrase alone.
   */
  default List<List<ScoredBox>> rankImage(GroundingInput input, List<Proposal> proposals) throws Exception {
    List<List<ScoredBox>> out = new ArrayList<>();
    for (PhraseQuery phrase : input.phrases()) {
      out.add(rank(phrase, proposals, input.image().originalWidth(), input.image().originalHeight()));
    }
    return out;
  }

  /** The per-proposal ranking: score each proposal, drop scores &lt;= 0, NMS and top-k. */
  static PhraseRanker perProposal(PhraseProposalScorer scorer, PostprocessSettings ranking) {
    return (phrase, proposals, imageWidth, imageHeight) -> {
      List<ScoredBox> scored = new ArrayList<>();
      for (Proposal proposal : proposals) {
        float s = scorer.score(phrase, proposal);
        if (s > 0) {
          scored.add(proposal.box().withScore(s));
        }
      }
      return Nms.apply(scored, ranking.nmsIou(), ranking.topK());
    };
  }
}
