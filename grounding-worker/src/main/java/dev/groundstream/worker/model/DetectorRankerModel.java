package dev.groundstream.worker.model;

import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.ModelSession;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind detector-ranker (Flickr30k Entities CCA, SeqGROUND style): the detector proposes boxes
 * (output [N, K, 6] = 4 box values in the card's format, score, class index), then every phrase
 * ranks all proposals with a {@link PhraseRanker} (by default a {@link PhraseProposalScorer} per
 * proposal, then NMS); top-k per phrase.
 */
public final class DetectorRankerModel extends OnnxGroundingModel {
  private final List<String> labels;
  private final PhraseRanker ranker;

  public DetectorRankerModel(ModelCard card, ModelSession session, PostprocessSettings ranking,
      PhraseProposalScorer scorer) throws IOException {
    this(card, session, ranking, PhraseRanker.perProposal(scorer, ranking));
  }

  public DetectorRankerModel(ModelCard card, ModelSession session, PostprocessSettings ranking,
      PhraseRanker ranker) throws IOException {
    super(card, session, ranking);
    this.labels = Files.readAllLines(card.labelsFile().orElseThrow()).stream().map(String::trim).toList();
    this.ranker = ranker;
  }

  @Override
  public List<GroundingOutcome> ground(List<GroundingInput> batch) throws Exception {
    List<GroundingOutcome> outcomes = new ArrayList<>();
    for (List<GroundingInput> chunk : chunks(batch, card.maxBatch())) {
      OutputTensor detections;
      try (OrtSession.Result result = run(Map.of(card.input(ModelCard.ROLE_IMAGE),
          ImageBatch.tensor(session.env(), card.preprocessing(), chunk.stream().map(GroundingInput::image).toList())))) {
        detections = OutputTensor.read(result, card.output(ModelCard.ROLE_DETECTIONS));
      }
      for (int i = 0; i < chunk.size(); i++) {
        try {
          detections.requireFiniteRow(i);
        } catch (NonFiniteOutputException e) {
          outcomes.add(new GroundingOutcome.Failed(e));
          continue;
        }
        List<Proposal> proposals = proposals(detections, i, chunk.get(i).image().transform());
        outcomes.add(new GroundingOutcome.Grounded(rank(chunk.get(i), proposals)));
      }
    }
    return outcomes;
  }

  /** The detector's proposals for batch row {@code row} above the card's minScore, in original pixels. */
  List<Proposal> proposals(OutputTensor detections, int row, ResizeTransform t) {
    int k = detections.dim(1);
    int columns = detections.dim(2);
    if (columns < 6) {
      throw new IllegalStateException("detections need 6 columns (box, score, class), got " + columns);
    }
    List<Proposal> out = new ArrayList<>();
    for (int p = 0; p < k; p++) {
      int base = (row * k + p) * columns;
      float score = activate(detections.at(base + 4));
      if (score < card.minScore()) {
        continue;
      }
      int cls = Math.round(detections.at(base + 5));
      String label = cls >= 0 && cls < labels.size() ? labels.get(cls) : "class-" + cls;
      ScoredBox box = toOriginal(t, detections.at(base), detections.at(base + 1),
          detections.at(base + 2), detections.at(base + 3), score);
      out.add(new Proposal(box, cls, label));
    }
    return out;
  }

  private List<PhraseGrounding> rank(GroundingInput input, List<Proposal> proposals) throws Exception {
    List<List<ScoredBox>> perPhrase = ranker.rankImage(input, proposals);
    List<PhraseGrounding> out = new ArrayList<>();
    for (int i = 0; i < input.phrases().size(); i++) {
      List<ScoredBox> ranked = perPhrase.get(i);
      out.add(PhraseGrounding.boxes(input.phrases().get(i).phraseId(),
          ranked.subList(0, Math.min(ranked.size(), ranking.topK()))));
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      if (ranker instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } finally {
      super.close();
    }
  }
}
