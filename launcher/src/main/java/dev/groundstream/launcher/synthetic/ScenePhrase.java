package dev.groundstream.launcher.synthetic;

import dev.groundstream.avro.PhraseType;
import java.util.List;

/**
 * A phrase of a scene caption with its truth: {@code text} equals
 * {@code caption.substring(charStart, charEnd)}; {@code chainId} is the Flickr30k entity chain
 * ("1", "2", ...); the backdrop phrase is {@code scene}-typed, flagged scene and has no box, as
 * Flickr30k Entities annotates backgrounds.
 */
public record ScenePhrase(String text, int charStart, int charEnd, String chainId, PhraseType type,
    List<PixelBox> boxes, boolean scene) {
  public ScenePhrase {
    boxes = List.copyOf(boxes);
  }
}
