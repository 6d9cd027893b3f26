package dev.groundstream.worker.model;

import java.nio.FloatBuffer;

/**
 * One image ready for the model: {@code pixels} is a direct buffer of {@link Preprocessing#floatsPerImage()}
 * floats in the model's layout, positioned at 0; {@code transform} maps model boxes back.
 */
public record PreprocessedImage(FloatBuffer pixels, ResizeTransform transform) {
  public int originalWidth() {
    return transform.originalWidth();
  }

  public int originalHeight() {
    return transform.originalHeight();
  }
}
