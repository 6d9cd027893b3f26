package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.ModelSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind box-queries (OWL-ViT / OWLv2 style): one image with one text query per phrase, all phrases
 * of a request batched as queries; outputs logits [1, P, Q] and boxes [1, P, 4]. A phrase's boxes
 * are the P predicted boxes scored by its query column, NMS and top-k.
 */
public final class BoxQueriesModel extends OnnxGroundingModel {
  private final PhraseTokenizer tokenizer;

  public BoxQueriesModel(ModelCard card, ModelSession session, PostprocessSettings ranking) {
    super(card, session, ranking);
    this.tokenizer = new PhraseTokenizer(card.tokenizerFile().orElseThrow());
  }

  @Override
  public List<GroundingOutcome> ground(List<GroundingInput> batch) throws Exception {
    List<GroundingOutcome> outcomes = new ArrayList<>();
    for (GroundingInput input : batch) {
      outcomes.add(groundOne(input));
    }
    return outcomes;
  }

  private GroundingOutcome groundOne(GroundingInput input) throws Exception {
    if (input.phrases().isEmpty()) {
      return new GroundingOutcome.Grounded(List.of());
    }
    List<TokenizedText> queries = input.phrases().stream().map(p -> tokenizer.encode(p.text())).toList();
    OutputTensor logits;
    OutputTensor boxes;
    TokenBatch tokens = TokenBatch.of(session.env(), queries);
    Map<String, OnnxTensor> in = inputs();
    in.put(card.input(ModelCard.ROLE_IMAGE), ImageBatch.tensor(session.env(), card.preprocessing(), List.of(input.image())));
    in.put(card.input(ModelCard.ROLE_INPUT_IDS), tokens.inputIds());
    if (card.input(ModelCard.ROLE_ATTENTION_MASK) != null) {
      in.put(card.input(ModelCard.ROLE_ATTENTION_MASK), tokens.attentionMask());
    }
    try (tokens; OrtSession.Result result = run(in)) {
      logits = OutputTensor.read(result, card.output(ModelCard.ROLE_LOGITS));
      boxes = OutputTensor.read(result, card.output(ModelCard.ROLE_BOXES));
    }
    try {
      logits.requireFiniteRow(0);
      boxes.requireFiniteRow(0);
    } catch (NonFiniteOutputException e) {
      return new GroundingOutcome.Failed(e);
    }
    int proposals = logits.dim(1);
    int queryCount = logits.dim(2);
    ResizeTransform t = input.image().transform();
    List<PhraseGrounding> out = new ArrayList<>();
    for (int q = 0; q < input.phrases().size(); q++) {
      List<ScoredBox> scored = new ArrayList<>();
      for (int p = 0; p < proposals; p++) {
        float score = activate(logits.at(p * queryCount + q));
        if (score >= card.minScore()) {
          int b = p * 4;
          scored.add(toOriginal(t, boxes.at(b), boxes.at(b + 1), boxes.at(b + 2), boxes.at(b + 3), score));
        }
      }
      out.add(PhraseGrounding.boxes(input.phrases().get(q).phraseId(), Nms.apply(scored, ranking.nmsIou(), ranking.topK())));
    }
    return new GroundingOutcome.Grounded(out);
  }

  @Override
  public void close() throws Exception {
    tokenizer.close();
    super.close();
  }
}
