package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.ModelSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kind heatmap (MultiGrounding, AMC / GradCAM style): one (image, phrase) pair per batch row;
 * output heatmap [R, h, w] over the model input. Each phrase gets the argmax as its pointing
 * location, the peak region as its single box, and the heatmap aligned with the original image.
 */
public final class HeatmapModel extends OnnxGroundingModel {
  private final PhraseTokenizer tokenizer;

  public HeatmapModel(ModelCard card, ModelSession session, PostprocessSettings ranking) {
    super(card, session, ranking);
    this.tokenizer = new PhraseTokenizer(card.tokenizerFile().orElseThrow());
  }

  private record Row(int input, PhraseQuery phrase) {}

  @Override
  public List<GroundingOutcome> ground(List<GroundingInput> batch) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      for (PhraseQuery phrase : batch.get(i).phrases()) {
        rows.add(new Row(i, phrase));
      }
    }
    PhraseGrounding[] grounded = new PhraseGrounding[rows.size()];
    Exception[] failures = new Exception[batch.size()];
    int done = 0;
    for (List<Row> chunk : chunks(rows, card.maxBatch())) {
      OutputTensor heatmaps = runChunk(batch, chunk);
      int h = heatmaps.dim(1);
      int w = heatmaps.dim(2);
      for (int r = 0; r < chunk.size(); r++) {
        Row row = chunk.get(r);
        try {
          heatmaps.requireFiniteRow(r);
        } catch (NonFiniteOutputException e) {
          failures[row.input()] = e;
          continue;
        }
        float[] values = Arrays.copyOfRange(heatmaps.values(), r * w * h, (r + 1) * w * h);
        HeatmapPeak.Peak peak = HeatmapPeak.analyse(new HeatmapGrid(w, h, values),
            batch.get(row.input()).image().transform(), card.peakThreshold());
        grounded[done + r] = new PhraseGrounding(row.phrase().phraseId(), List.of(peak.box()),
            Optional.of(peak.point()), Optional.of(peak.aligned()));
      }
      done += chunk.size();
    }
    List<GroundingOutcome> outcomes = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < batch.size(); i++) {
      int count = batch.get(i).phrases().size();
      outcomes.add(failures[i] != null ? new GroundingOutcome.Failed(failures[i])
          : new GroundingOutcome.Grounded(List.of(Arrays.copyOfRange(grounded, next, next + count))));
      next += count;
    }
    return outcomes;
  }

  private OutputTensor runChunk(List<GroundingInput> batch, List<Row> chunk) throws Exception {
    List<TokenizedText> texts = chunk.stream().map(r -> tokenizer.encode(r.phrase().text())).toList();
    TokenBatch tokens = TokenBatch.of(session.env(), texts);
    Map<String, OnnxTensor> in = inputs();
    in.put(card.input(ModelCard.ROLE_IMAGE), ImageBatch.tensor(session.env(), card.preprocessing(),
        chunk.stream().map(r -> batch.get(r.input()).image()).toList()));
    in.put(card.input(ModelCard.ROLE_INPUT_IDS), tokens.inputIds());
    if (card.input(ModelCard.ROLE_ATTENTION_MASK) != null) {
      in.put(card.input(ModelCard.ROLE_ATTENTION_MASK), tokens.attentionMask());
    }
    try (tokens; OrtSession.Result result = run(in)) {
      return OutputTensor.read(result, card.output(ModelCard.ROLE_HEATMAP));
    }
  }

  @Override
  public void close() throws Exception {
    tokenizer.close();
    super.close();
  }
}
