package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.synthetic.FlickrFormatWriter;
import dev.groundstream.launcher.synthetic.SceneGenerator;
import dev.groundstream.launcher.synthetic.SyntheticDataset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates deterministic synthetic scenes (simple shapes, captions, exact boxes) into a
 * Flickr30k Entities folder or straight into grounding.requests + grounding.truth.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate synthetic captioned scenes with exact boxes: a Flickr30k-format folder (--out) "
        + "or requests + truth in Kafka (--to-kafka). See launcher/docs/synthetic.md.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--count", required = true, description = "Number of scenes (one caption each).")
  int count;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed gives the same scenes (default ${DEFAULT-VALUE}).")
  long seed;

  static final class Target {
    @Option(names = "--out", description = "Write Sentences/, Annotations/, images/ and <split>.txt under this folder.")
    Path out;

    @Option(names = "--to-kafka", description = "Stream the scenes into grounding.requests and grounding.truth.")
    boolean toKafka;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--split", defaultValue = "test", description = "--out: name of the split file (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--dataset", description = "--to-kafka: dataset name on the requests (default synthetic/seed-<seed>).")
  String dataset;

  /** Used with --to-kafka only. */
  @Mixin KafkaStreamingOptions streaming;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new IllegalArgumentException("--count must be >= 0");
    }
    SceneGenerator generator = new SceneGenerator(seed);
    if (target.toKafka) {
      String name = dataset != null ? dataset : SyntheticDataset.defaultName(seed);
      streaming.stream(new SyntheticDataset(generator, count, name, streaming.imageRefs(), Clock.systemUTC()));
    } else {
      long began = System.nanoTime();
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate " + target.out)
          .setInitialMax(count).setStyle(ProgressBarStyle.ASCII).setUnit(" scenes", 1).showSpeed().build()) {
        new FlickrFormatWriter(generator).write(target.out, split, count, bar::stepTo);
      }
      System.out.print(String.format("%d scenes (seed %d) written to %s in %s; import with: groundstream import flickr30k --root %s --images %s --split %s%n",
          count, seed, target.out, Duration.ofNanos(System.nanoTime() - began), target.out,
          target.out.resolve("images"), split));
    }
    return 0;
  }
}
