package dev.groundstream.worker.model.check;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the declared inputs and outputs of an ONNX graph (CPU session, nothing run). */
public record GraphSignatures(Map<String, TensorSignature> inputs, Map<String, TensorSignature> outputs) {

  public static GraphSignatures of(Path modelFile) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(modelFile.toString(), options)) {
      return new GraphSignatures(signatures(session.getInputInfo()), signatures(session.getOutputInfo()));
    }
  }

  private static Map<String, TensorSignature> signatures(Map<String, NodeInfo> nodes) {
    Map<String, TensorSignature> out = new LinkedHashMap<>();
    nodes.forEach((name, node) -> {
      if (node.getInfo() instanceof TensorInfo tensor) {
        out.put(name, new TensorSignature(name, tensor.type.name(), tensor.getShape()));
      } else {
        // Sequences and maps are not tensors the worker can feed or read.
        out.put(name, new TensorSignature(name, node.getInfo().getClass().getSimpleName(), new long[0]));
      }
    });
    return out;
  }
}
