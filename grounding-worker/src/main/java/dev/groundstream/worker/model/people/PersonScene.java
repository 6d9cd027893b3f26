package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.model.ScoredBox;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The people of one image plus what colour matching needs: the detector-input pixels (original
 * stretched to srcW x srcH, NHWC raw RGB 0..255) and the original size.
 */
public record PersonScene(List<Person> people, FloatBuffer pixels, int srcW, int srcH, int width, int height) {
  public PersonScene(List<Person> people, PreprocessedImage image, int srcW, int srcH) {
    this(people, image.pixels(), srcW, srcH, image.originalWidth(), image.originalHeight());
  }

  /** Colour score of an original-pixel region (empty without colour words). */
  public Optional<Float> colour(List<String> colours, ScoredBox region) {
    float sx = (float) srcW / width;
    float sy = (float) srcH / height;
    ScoredBox inSrc = new ScoredBox(region.x1() * sx, region.y1() * sy, region.x2() * sx, region.y2() * sy, 0);
    return ColourWords.score(colours, pixels, srcW, srcH, inSrc);
  }
}
