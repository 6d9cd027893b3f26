package dev.groundstream.worker.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One ONNX Runtime session, created once per model and reused for every batch. */
public final class ModelSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSession.class);

  private final OrtEnvironment env;
  private final OrtSession session;
  private final ExecutionProvider provider;

  private ModelSession(OrtEnvironment env, OrtSession session, ExecutionProvider provider) {
    this.env = env;
    this.session = session;
    this.provider = provider;
  }

  public static ModelSession open(Path modelFile, OrtSettings settings) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = baseOptions(settings);
    OrtSession.SessionOptions cudaOptions = options;
    ExecutionProvider provider = ProviderSelector.select(settings.device(), settings.requireGpu(),
        OrtEnvironment.getAvailableProviders(), cudaOptions::addCUDA);
    if (!provider.cuda() && settings.device().cuda()) {
      // A failed addCUDA may leave the options half-configured: start CPU from clean options.
      options.close();
      options = baseOptions(settings);
    }
    try {
      OrtSession session = env.createSession(modelFile.toString(), options);
      LOG.info("ONNX Runtime session for {} runs on execution provider {} (intra-op threads {}, inter-op {})",
          modelFile, provider.label(), settings.intraOpThreads(), settings.interOpThreads());
      return new ModelSession(env, session, provider);
    } finally {
      options.close();
    }
  }

  private static OrtSession.SessionOptions baseOptions(OrtSettings settings) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (settings.intraOpThreads() > 0) {
      options.setIntraOpNumThreads(settings.intraOpThreads());
    }
    if (settings.interOpThreads() > 0) {
      options.setInterOpNumThreads(settings.interOpThreads());
    }
    return options;
  }

  public OrtEnvironment env() {
    return env;
  }

  public ExecutionProvider provider() {
    return provider;
  }

  /** Runs the model; the caller closes the result (and its own input tensors). */
  public OrtSession.Result run(Map<String, OnnxTensor> inputs) throws OrtException {
    return session.run(inputs);
  }

  /** Runs the model computing only {@code outputs} (a detector's debug heads are skipped). */
  public OrtSession.Result run(Map<String, OnnxTensor> inputs, Set<String> outputs) throws OrtException {
    return session.run(inputs, outputs);
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
