package dev.groundstream.worker.model;

import dev.groundstream.worker.onnx.ExecutionProvider;
import java.util.List;

/**
 * A grounding model plug-in: grounds every phrase of a batch of inputs. One outcome per input,
 * in input order; a failure of one input (NaN outputs) does not fail the others. An exception
 * thrown from {@link #ground} means the whole batch failed (the caller may retry inputs one by one).
 */
public interface GroundingModel extends AutoCloseable {
  ModelCard card();

  /** sha256 of the model folder (ModelRef.digest). */
  String digest();

  ExecutionProvider provider();

  ImagePreprocessor preprocessor();

  List<GroundingOutcome> ground(List<GroundingInput> batch) throws Exception;

  @Override
  void close() throws Exception;
}
