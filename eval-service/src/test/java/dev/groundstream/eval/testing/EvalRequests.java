package dev.groundstream.eval.testing;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Requests for the image viewer: a drawn PNG inline, or a URI (claim check). */
public final class EvalRequests {
  private EvalRequests() {}

  /** A 500x400 PNG: sky and grass, with a red square where {@link EvalRecords#TARGET} is. */
  public static byte[] png() {
    BufferedImage image = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x9cc9f0));
    g.fillRect(0, 0, 500, 250);
    g.setColor(new Color(0x6aa84f));
    g.fillRect(0, 250, 500, 150);
    g.setColor(new Color(0xcc3333));
    g.fillRect(10, 10, 80, 80);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static GroundingRequest inline(UUID id, byte[] png, Instant createdAt) {
    return request(id, ImageRef.newBuilder().setInline(ByteBuffer.wrap(png)).setSha256("test")
        .setContentType("image/png").setWidth(500).setHeight(400).setSizeBytes(png.length).build(), createdAt);
  }

  public static GroundingRequest byUri(UUID id, String uri, Instant createdAt) {
    return request(id, ImageRef.newBuilder().setUri(uri).setSha256("test").setContentType("image/png")
        .setWidth(500).setHeight(400).build(), createdAt);
  }

  private static GroundingRequest request(UUID id, ImageRef image, Instant createdAt) {
    return GroundingRequest.newBuilder().setRequestId(id).setCreatedAt(createdAt).setDataset(EvalRecords.DATASET)
        .setImage(image).setCaption("a person in a shirt")
        .setPhrases(List.of(
            Phrase.newBuilder().setPhraseId("p0").setText("a person").setCharStart(0).setCharEnd(8)
                .setTypes(List.of(PhraseType.people)).build(),
            Phrase.newBuilder().setPhraseId("p1").setText("a shirt").setCharStart(12).setCharEnd(19)
                .setTypes(List.of(PhraseType.clothing)).build()))
        .build();
  }
}
