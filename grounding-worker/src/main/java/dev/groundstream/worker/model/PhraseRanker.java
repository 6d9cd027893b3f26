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
