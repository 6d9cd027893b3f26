package dev.groundstream.worker.model;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One image ready for the model: {@code pixels} is a direct buffer of {@link Preprocessing#floatsPerImage()}
 * floats in the model's layout, positioned at 0; {@code transform} maps model boxes back.
 * {@code returned} is set once the buffer went back to its preprocessor's pool ({@link ImagePreprocessor#recycle}).
 */
public record PreprocessedImage(FloatBuffer pixels, ResizeTransform transform, AtomicBoolean returned) {
  public PreprocessedImage(FloatBuffer pixels, ResizeTransform transform) {
    this(pixels, transform, new AtomicBoolean());
  }

  public int originalWidth() {
    return transform.originalWidth();
  }

  public int originalHeight() {
    return transform.originalHeight();
  }
}
