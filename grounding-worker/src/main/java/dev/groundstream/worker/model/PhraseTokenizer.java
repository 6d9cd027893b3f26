package dev.groundstream.worker.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's tokenizer.json through DJL's Hugging Face tokenizers binding (native library bundled
 * in the jar; nothing is downloaded). Thread-safe.
 */
public final class PhraseTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;

  public PhraseTokenizer(Path tokenizerJson) {
    try {
      this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load tokenizer " + tokenizerJson, e);
    }
  }

  public TokenizedText encode(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    CharSpan[] spans = encoding.getCharTokenSpans();
    int[] starts = new int[ids.length];
    int[] ends = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      CharSpan span = spans != null && i < spans.length ? spans[i] : null;
      starts[i] = span == null ? -1 : span.getStart();
      ends[i] = span == null ? -1 : span.getEnd();
    }
    return new TokenizedText(ids, starts, ends);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
