package dev.groundstream.launcher.synthetic;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic scenes: scene {@code i} of seed {@code s} depends on (s, i) only, so any
 * scene can be made on its own, in any order, any number of times, with byte-identical PNGs (on
 * the same JDK: the PNG is the rasteriser's and ImageIO's output).
 */
public final class SceneGenerator {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;

  private final long seed;
  private final LayoutPlanner planner = new LayoutPlanner(WIDTH, HEIGHT);
  private final SceneRenderer renderer = new SceneRenderer();
  private final CaptionWriter captions = new CaptionWriter();

  public SceneGenerator(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  public Scene scene(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("Scene index must be >= 0");
    }
    SceneLayout layout = planner.plan(randomFor(index));
    RenderedScene rendered = renderer.render(layout);
    SceneCaption caption = captions.write(layout.backdrop(), layout.groups(), rendered.boxesPerGroup());
    return new Scene(imageId(index), WIDTH, HEIGHT, rendered.png(), caption);
  }

  /** File-name-safe id, unique per (seed, index): "synth-<seed>-<index>". */
  public String imageId(long index) {
    return String.format("synth-%d-%08d", seed, index);
  }

  private SplittableRandom randomFor(long index) {
    // SplittableRandom mixes its seed, so neighbouring (seed, index) pairs give unrelated streams.
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }
}
