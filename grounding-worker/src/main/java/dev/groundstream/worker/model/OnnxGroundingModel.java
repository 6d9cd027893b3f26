package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.ExecutionProvider;
import dev.groundstream.worker.onnx.ModelSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every ONNX plug-in shares: the card, one session, the preprocessor, ranking settings. */
abstract class OnnxGroundingModel implements GroundingModel {
  protected final ModelCard card;
  protected final ModelSession session;
  protected final ImagePreprocessor preprocessor;
  protected final PostprocessSettings ranking;
  private final String digest;

  OnnxGroundingModel(ModelCard card, ModelSession session, PostprocessSettings ranking) {
    this.card = card;
    this.session = session;
    this.preprocessor = new ImagePreprocessor(card.preprocessing());
    this.ranking = ranking;
    this.digest = ModelDigest.of(card.folder());
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public String digest() {
    return digest;
  }

  @Override
  public ExecutionProvider provider() {
    return session.provider();
  }

  @Override
  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  protected int inputWidth() {
    return card.preprocessing().width();
  }

  protected int inputHeight() {
    return card.preprocessing().height();
  }

  /** Logit to score as the card says (sigmoid or as is). */
  protected float activate(float raw) {
    return card.sigmoidScores() ? (float) (1 / (1 + Math.exp(-raw))) : raw;
  }

  /** A raw model box (card's format, model-input space) in original-image pixels. */
  protected ScoredBox toOriginal(ResizeTransform t, float a, float b, float c, float d, float score) {
    float[] in = card.boxFormat().toInputPixels(a, b, c, d, inputWidth(), inputHeight());
    float[] o = t.boxToOriginal(in[0], in[1], in[2], in[3]);
    return new ScoredBox(o[0], o[1], o[2], o[3], score);
  }

  /** Runs the session with named inputs, computing only the card's outputs; closes the input tensors. */
  protected OrtSession.Result run(Map<String, OnnxTensor> inputs) throws Exception {
    try {
      return session.run(inputs, Set.copyOf(card.outputs().values()));
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  protected static Map<String, OnnxTensor> inputs() {
    return new HashMap<>();
  }

  protected static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    session.close();
  }
}
