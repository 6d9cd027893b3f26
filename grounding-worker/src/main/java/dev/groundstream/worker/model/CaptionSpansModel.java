package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.ModelSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind caption-spans (MDETR / GLIP / Grounding DINO style): image + tokenized caption; outputs Q
 * query boxes [N, Q, 4] and token logits [N, Q, L]. A phrase's score for a query is the max over
 * the tokens that overlap the phrase's character span; boxes ranked by it, NMS, top-k.
 */
public final class CaptionSpansModel extends OnnxGroundingModel {
  private final PhraseTokenizer tokenizer;

  public CaptionSpansModel(ModelCard card, ModelSession session, PostprocessSettings ranking) {
    super(card, session, ranking);
    this.tokenizer = new PhraseTokenizer(card.tokenizerFile().orElseThrow());
  }

  @Override
  public List<GroundingOutcome> ground(List<GroundingInput> batch) throws Exception {
    List<GroundingOutcome> outcomes = new ArrayList<>();
    for (List<GroundingInput> chunk : chunks(batch, card.maxBatch())) {
      List<TokenizedText> captions = chunk.stream().map(i -> tokenizer.encode(i.caption())).toList();
      OutputTensor logits;
      OutputTensor boxes;
      TokenBatch tokens = TokenBatch.of(session.env(), captions);
      Map<String, OnnxTensor> in = inputs();
      in.put(card.input(ModelCard.ROLE_IMAGE), ImageBatch.tensor(session.env(), card.preprocessing(),
          chunk.stream().map(GroundingInput::image).toList()));
      in.put(card.input(ModelCard.ROLE_INPUT_IDS), tokens.inputIds());
      if (card.input(ModelCard.ROLE_ATTENTION_MASK) != null) {
        in.put(card.input(ModelCard.ROLE_ATTENTION_MASK), tokens.attentionMask());
      }
      try (tokens; OrtSession.Result result = run(in)) {
        logits = OutputTensor.read(result, card.output(ModelCard.ROLE_LOGITS));
        boxes = OutputTensor.read(result, card.output(ModelCard.ROLE_BOXES));
      }
      for (int i = 0; i < chunk.size(); i++) {
        try {
          logits.requireFiniteRow(i);
          boxes.requireFiniteRow(i);
        } catch (NonFiniteOutputException e) {
          outcomes.add(new GroundingOutcome.Failed(e));
          continue;
        }
        outcomes.add(new GroundingOutcome.Grounded(groundRow(chunk.get(i), captions.get(i), logits, boxes, i)));
      }
    }
    return outcomes;
  }

  private List<PhraseGrounding> groundRow(GroundingInput input, TokenizedText caption,
      OutputTensor logits, OutputTensor boxes, int row) {
    int queries = logits.dim(1);
    int length = logits.dim(2);
    ResizeTransform t = input.image().transform();
    List<PhraseGrounding> out = new ArrayList<>();
    for (PhraseQuery phrase : input.phrases()) {
      List<Integer> tokens = new ArrayList<>();
      for (int tok = 0; tok < caption.length() && tok < length; tok++) {
        if (caption.overlaps(tok, phrase.charStart(), phrase.charEnd())) {
          tokens.add(tok);
        }
      }
      List<ScoredBox> scored = new ArrayList<>();
      for (int q = 0; q < queries && !tokens.isEmpty(); q++) {
        float best = Float.NEGATIVE_INFINITY;
        for (int tok : tokens) {
          best = Math.max(best, logits.at((row * queries + q) * length + tok));
        }
        float score = activate(best); // monotonic: max of logits == max of scores
        if (score >= card.minScore()) {
          int b = (row * queries + q) * 4;
          scored.add(toOriginal(t, boxes.at(b), boxes.at(b + 1), boxes.at(b + 2), boxes.at(b + 3), score));
        }
      }
      out.add(PhraseGrounding.boxes(phrase.phraseId(), Nms.apply(scored, ranking.nmsIou(), ranking.topK())));
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    tokenizer.close();
    super.close();
  }
}
