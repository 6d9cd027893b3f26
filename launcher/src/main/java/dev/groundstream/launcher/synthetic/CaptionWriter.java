package dev.groundstream.launcher.synthetic;

import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the caption of a drawn scene. Grammar (words separated by single spaces, punctuation a
 * token of its own, as in Flickr30k Entities sentences):
 * <pre>
 *   caption  := objects " " preposition " " backdrop
 *   objects  := group                                  (one group)
 *             | group " " relation " " group           (two groups)
 *             | group " , " group " and " group        (three groups)
 *   group    := count " " colour " " noun              ("a red circle", "two blue squares")
 *   relation := "left of" | "right of" | "above" | "below" | "and"
 * </pre>
 * The first letter is capitalised. Groups are typed {@code other} (shapes are none of the seven
 * specific Flickr30k types), the backdrop {@code scene}. Chains are numbered 1, 2, ... in phrase order.
 */
public final class CaptionWriter {
  private static final String[] COUNTS = {"a", "two", "three", "four"};

  public SceneCaption write(Backdrop backdrop, List<ShapeGroup> groups, List<List<PixelBox>> boxesPerGroup) {
    if (groups.isEmpty() || groups.size() > 3 || groups.size() != boxesPerGroup.size()) {
      throw new IllegalArgumentException("Captions name 1-3 groups, each with its boxes");
    }
    Builder caption = new Builder();
    caption.phrase(groupWords(groups.get(0)), PhraseType.other, boxesPerGroup.get(0), false);
    if (groups.size() == 2) {
      SpatialRelation relation = SpatialRelation.between(enclosing(boxesPerGroup.get(0)), enclosing(boxesPerGroup.get(1)));
      caption.words(relation.words());
      caption.phrase(groupWords(groups.get(1)), PhraseType.other, boxesPerGroup.get(1), false);
    } else if (groups.size() == 3) {
      caption.words(",");
      caption.phrase(groupWords(groups.get(1)), PhraseType.other, boxesPerGroup.get(1), false);
      caption.words("and");
      caption.phrase(groupWords(groups.get(2)), PhraseType.other, boxesPerGroup.get(2), false);
    }
    caption.words(backdrop.preposition());
    caption.phrase(backdrop.phrase(), PhraseType.scene, List.of(), true);
    return caption.build();
  }

  private static String groupWords(ShapeGroup group) {
    if (group.count() > COUNTS.length) {
      throw new IllegalArgumentException("At most " + COUNTS.length + " objects per group");
    }
    return COUNTS[group.count() - 1] + " " + group.colour().word() + " " + group.kind().noun(group.count());
  }

  private static PixelBox enclosing(List<PixelBox> boxes) {
    return boxes.stream().reduce(PixelBox::union).orElseThrow();
  }

  /** Appends space-separated words and records each phrase's span as it is appended. */
  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final List<ScenePhrase> phrases = new ArrayList<>();

    void words(String words) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(words);
    }

    void phrase(String words, PhraseType type, List<PixelBox> boxes, boolean scene) {
      if (text.length() == 0) {
        words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
      words(words);
      int end = text.length();
      int start = end - words.length();
      phrases.add(new ScenePhrase(words, start, end, Integer.toString(phrases.size() + 1), type, boxes, scene));
    }

    SceneCaption build() {
      return new SceneCaption(text.toString(), phrases);
    }
  }
}
