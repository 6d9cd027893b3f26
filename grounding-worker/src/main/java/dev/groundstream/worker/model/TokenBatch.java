package dev.groundstream.worker.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.groundstream.worker.onnx.Tensors;
import java.nio.LongBuffer;
import java.util.List;

/** Right-padded input_ids and attention_mask tensors [rows, maxLength] from tokenized texts. */
public record TokenBatch(OnnxTensor inputIds, OnnxTensor attentionMask, int length) implements AutoCloseable {

  public static TokenBatch of(OrtEnvironment env, List<TokenizedText> texts) throws OrtException {
    int length = Math.max(1, texts.stream().mapToInt(TokenizedText::length).max().orElse(1));
    LongBuffer ids = Tensors.directLongs(texts.size() * length);
    LongBuffer mask = Tensors.directLongs(texts.size() * length);
    for (TokenizedText text : texts) {
      for (int t = 0; t < length; t++) {
        boolean real = t < text.length();
        ids.put(real ? text.ids()[t] : 0);
        mask.put(real ? 1 : 0);
      }
    }
    long[] shape = {texts.size(), length};
    OnnxTensor idTensor = Tensors.longs(env, ids.rewind(), shape);
    return new TokenBatch(idTensor, Tensors.longs(env, mask.rewind(), shape), length);
  }

  /** Closes what the run has not closed already (OnnxGroundingModel.run closes every tensor it fed). */
  @Override
  public void close() {
    if (!inputIds.isClosed()) {
      inputIds.close();
    }
    if (!attentionMask.isClosed()) {
      attentionMask.close();
    }
  }
}
