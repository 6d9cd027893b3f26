package dev.groundstream.launcher.commands;

import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.JsonlImporter;
import dev.groundstream.ingest.importers.MdetrCocoImporter;
import dev.groundstream.ingest.phrases.CaptionPhraser;
import dev.groundstream.phrases.PhraseTyper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports a dataset into grounding.requests (and its truth into grounding.truth). */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a dataset: flickr30k (Sentences/ + Annotations/ + <split>.txt), mdetr (COCO-style json) or jsonl.")
public final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Format: flickr30k, mdetr or jsonl")
  String format;

  @Option(names = "--root", description = "flickr30k: folder with Sentences/, Annotations/, <split>.txt")
  Path root;

  @Option(names = "--file", description = "mdetr: the .json file; jsonl: the .jsonl file")
  Path file;

  @Option(names = "--images", required = true, description = "Folder of the image files.")
  Path images;

  @Option(names = "--split", defaultValue = "test", description = "flickr30k split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--dataset", description = "Dataset name on the requests (default <format>/<split or file>).")
  String dataset;

  @Mixin KafkaStreamingOptions streaming;

  @Override
  public Integer call() throws Exception {
    streaming.stream(importer());
    return 0;
  }

  private DatasetImporter importer() throws Exception {
    ImageFiles imageFiles = new ImageFiles(streaming.imageRefs());
    Clock clock = Clock.systemUTC();
    return switch (format) {
      case "flickr30k" -> new FlickrEntitiesImporter(require(root, "--root"), split, images,
          name("flickr30k-entities/" + split), imageFiles, clock);
      case "mdetr" -> new MdetrCocoImporter(require(file, "--file"), images, name("mdetr/" + file.getFileName()),
          imageFiles, clock, text -> List.of(PhraseTyper.shared().type(text)));
      case "jsonl" -> new JsonlImporter(require(file, "--file"), images, name("jsonl/" + file.getFileName()),
          imageFiles, clock, CaptionPhraser.shared()::phrases);
      default -> throw new IllegalArgumentException("Unknown format '" + format + "': use flickr30k, mdetr or jsonl");
    };
  }

  private String name(String fallback) {
    return dataset != null ? dataset : fallback;
  }

  private static Path require(Path value, String flag) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " is required for this format");
    }
    return value;
  }
}
