package dev.groundstream.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportedSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ingest API bodies (JSON, base64 image, phrases with truth) for the photo benchmark: one per
 * image (its first caption), so each upload is evaluated. {@link #next} cycles through them with a
 * fresh clientRequestId, so no upload is an idempotent replay.
 */
public final class PhotoUploads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ObjectNode> templates;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private long counter;

  private PhotoUploads(List<ObjectNode> templates) {
    this.templates = templates;
  }

  public static PhotoUploads load(Path photos, String dataset, Path scratch) throws Exception {
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(photos, "test", photos.resolve("images"), dataset,
        new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(scratch))),
        Clock.systemUTC());
    List<ObjectNode> out = new ArrayList<>();
    Set<String> images = new LinkedHashSet<>();
    for (int i = 0; i < importer.size(); i++) {
      ImportedSample sample = importer.sample(i);
      String imageId = sample.request().getAttributes().get("imageId");
      if (images.add(imageId)) {
        out.add(uploadBody(photos, dataset, imageId, sample));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no photos in " + photos);
    }
    return new PhotoUploads(out);
  }

  public int photoCount() {
    return templates.size();
  }

  /** The next upload body; thread-safe. */
  public synchronized String next() {
    long n = counter++;
    ObjectNode body = templates.get((int) (n % templates.size())).deepCopy();
    body.put("clientRequestId", "bench-" + runId + "-" + n);
    return body.toString();
  }

  /** The ingest API body for one imported sample: caption, base64 image, phrases with their truth. */
  public static ObjectNode uploadBody(Path photos, String dataset, String imageId, ImportedSample sample)
      throws IOException {
    GroundingRequest request = sample.request();
    Map<String, PhraseTruth> truth = new HashMap<>();
    sample.truth().orElseThrow().getPhrases().forEach(t -> truth.put(t.getPhraseId(), t));
    ObjectNode body = JSON.createObjectNode();
    body.put("caption", request.getCaption());
    body.put("dataset", dataset);
    Path file;
    try (Stream<Path> files = Files.list(photos.resolve("images"))) {
      file = files.filter(p -> p.getFileName().toString().startsWith(imageId + ".")).findFirst().orElseThrow();
    }
    body.putObject("image").put("base64", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
    ArrayNode phrases = body.putArray("phrases");
    request.getPhrases().forEach(p -> {
      ObjectNode phrase = phrases.addObject().put("start", p.getCharStart()).put("end", p.getCharEnd());
      ArrayNode types = phrase.putArray("types");
      p.getTypes().forEach(t -> types.add(t.name()));
      List<Box> boxes = truth.get(p.getPhraseId()).getBoxes();
      if (boxes.isEmpty()) {
        phrase.put("notVisible", true);
      } else {
        ArrayNode b = phrase.putArray("boxes");
        boxes.forEach(box -> b.addArray().add(box.getX1()).add(box.getY1()).add(box.getX2()).add(box.getY2()));
      }
    });
    return body;
  }
}
