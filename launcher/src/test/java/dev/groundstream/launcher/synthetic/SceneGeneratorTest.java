package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.PhraseType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {
  private static final List<String> COUNT_WORDS = List.of("a", "two", "three", "four");

  @Test
  void sameSeedAndIndexGiveByteIdenticalPngAndIdenticalTruth() {
    SceneGenerator first = new SceneGenerator(42);
    SceneGenerator second = new SceneGenerator(42);
    for (int i = 0; i < 20; i++) {
      // Out of order on purpose: a scene depends on (seed, index) only.
      Scene a = first.scene(i);
      Scene b = second.scene(19 - i);
      Scene sameAsA = second.scene(i);
      assertArrayEquals(a.png(), sameAsA.png(), "PNG of scene " + i);
      assertEquals(a.caption(), sameAsA.caption(), "truth of scene " + i);
      assertEquals(a.imageId(), sameAsA.imageId());
      assertFalse(b.imageId().isEmpty());
    }
  }

  @Test
  void otherSeedsGiveOtherScenes() {
    Scene a = new SceneGenerator(1).scene(0);
    Scene b = new SceneGenerator(2).scene(0);
    assertNotEquals(a.imageId(), b.imageId());
    assertFalse(Arrays.equals(a.png(), b.png()));
  }

  @Test
  void everyBoxExactlyCoversTheDrawnPixelsOfItsShape() throws IOException {
    SceneGenerator generator = new SceneGenerator(7);
    for (int i = 0; i < 60; i++) {
      Scene scene = generator.scene(i);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(scene.png()));
      assertEquals(scene.width(), image.getWidth());
      assertEquals(scene.height(), image.getHeight());
      int backdrop = backdropOf(scene).rgb().getRGB();
      long pixelsInBoxes = 0;
      for (ScenePhrase phrase : scene.caption().phrases()) {
        if (phrase.boxes().isEmpty()) {
          continue;
        }
        int colour = colourOf(phrase).rgb().getRGB();
        for (PixelBox box : phrase.boxes()) {
          pixelsInBoxes += assertShapeExactlyInside(image, box, backdrop, colour, scene.imageId());
        }
      }
      // Nothing is drawn outside the boxes: all non-backdrop pixels were counted above.
      assertEquals(nonBackdropPixels(image, backdrop), pixelsInBoxes, scene.imageId() + ": pixels outside every box");
    }
  }

  @Test
  void captionSpansTypesChainsAndCountsAreHonest() {
    SceneGenerator generator = new SceneGenerator(3);
    for (int i = 0; i < 200; i++) {
      Scene scene = generator.scene(i);
      SceneCaption caption = scene.caption();
      List<ScenePhrase> phrases = caption.phrases();
      int previousEnd = 0;
      for (int p = 0; p < phrases.size(); p++) {
        ScenePhrase phrase = phrases.get(p);
        assertEquals(phrase.text(), caption.text().substring(phrase.charStart(), phrase.charEnd()), caption.text());
        assertTrue(phrase.charStart() >= previousEnd, "phrases in order, not overlapping");
        assertEquals(Integer.toString(p + 1), phrase.chainId());
        previousEnd = phrase.charEnd();
      }
      ScenePhrase backdrop = phrases.get(phrases.size() - 1);
      assertEquals(PhraseType.scene, backdrop.type());
      assertTrue(backdrop.scene());
      assertTrue(backdrop.boxes().isEmpty());
      assertTrue(caption.text().endsWith(" " + backdropOf(scene).phrase()));
      List<ScenePhrase> objects = phrases.subList(0, phrases.size() - 1);
      assertTrue(objects.size() >= 1 && objects.size() <= 3);
      int total = 0;
      for (ScenePhrase object : objects) {
        assertEquals(PhraseType.other, object.type());
        assertFalse(object.scene());
        String countWord = object.text().split(" ")[0].toLowerCase();
        assertEquals(COUNT_WORDS.indexOf(countWord) + 1, object.boxes().size(), "boxes of '" + object.text() + "'");
        total += object.boxes().size();
      }
      assertTrue(total >= 1 && total <= 4);
      assertTrue(Character.isUpperCase(caption.text().charAt(0)));
      if (objects.size() == 2) {
        assertRelationHolds(caption.text(), objects.get(0), objects.get(1));
      }
    }
  }

  @Test
  void scenesCoverEveryShapeColourBackdropAndObjectCount() {
    SceneGenerator generator = new SceneGenerator(11);
    Set<ShapeKind> kinds = EnumSet.noneOf(ShapeKind.class);
    Set<ShapeColour> colours = EnumSet.noneOf(ShapeColour.class);
    Set<Backdrop> backdrops = EnumSet.noneOf(Backdrop.class);
    Set<Integer> objectCounts = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Scene scene = generator.scene(i);
      backdrops.add(backdropOf(scene));
      int total = 0;
      for (ScenePhrase phrase : scene.caption().phrases()) {
        if (!phrase.scene()) {
          colours.add(colourOf(phrase));
          kinds.add(kindOf(phrase));
          total += phrase.boxes().size();
        }
      }
      objectCounts.add(total);
    }
    assertEquals(EnumSet.allOf(ShapeKind.class), kinds);
    assertEquals(EnumSet.allOf(ShapeColour.class), colours);
    assertEquals(EnumSet.allOf(Backdrop.class), backdrops);
    assertEquals(Set.of(1, 2, 3, 4), objectCounts);
  }

  /** Returns the shape's pixel count after checking its extent equals the box. */
  private static long assertShapeExactlyInside(BufferedImage image, PixelBox box, int backdrop, int colour, String id) {
    // Look a little beyond the box (less than the gap to the next object) for stray pixels.
    int margin = LayoutPlanner.GAP / 2;
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    long count = 0;
    for (int y = Math.max(0, box.y1() - margin); y <= Math.min(image.getHeight() - 1, box.y2() + margin); y++) {
      for (int x = Math.max(0, box.x1() - margin); x <= Math.min(image.getWidth() - 1, box.x2() + margin); x++) {
        int rgb = image.getRGB(x, y);
        if (rgb != backdrop) {
          assertEquals(colour, rgb, id + ": foreign colour at " + x + "," + y);
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
          count++;
        }
      }
    }
    assertEquals(box, new PixelBox(minX, minY, maxX, maxY), id + ": box vs drawn pixels");
    return count;
  }

  private static long nonBackdropPixels(BufferedImage image, int backdrop) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) != backdrop) {
          count++;
        }
      }
    }
    return count;
  }

  private static void assertRelationHolds(String caption, ScenePhrase first, ScenePhrase second) {
    PixelBox a = first.boxes().stream().reduce(PixelBox::union).orElseThrow();
    PixelBox b = second.boxes().stream().reduce(PixelBox::union).orElseThrow();
    String between = caption.substring(first.charEnd() + 1, second.charStart() - 1);
    switch (between) {
      case "left of" -> assertTrue(a.x2() < b.x1(), caption);
      case "right of" -> assertTrue(a.x1() > b.x2(), caption);
      case "above" -> assertTrue(a.y2() < b.y1(), caption);
      case "below" -> assertTrue(a.y1() > b.y2(), caption);
      case "and" -> assertFalse(a.x2() < b.x1() || a.x1() > b.x2() || a.y2() < b.y1() || a.y1() > b.y2(), caption);
      default -> throw new AssertionError("Unexpected relation '" + between + "' in " + caption);
    }
  }

  private static Backdrop backdropOf(Scene scene) {
    String text = scene.caption().text();
    return Arrays.stream(Backdrop.values()).filter(b -> text.endsWith(b.phrase())).findFirst().orElseThrow();
  }

  private static ShapeColour colourOf(ScenePhrase phrase) {
    String word = phrase.text().split(" ")[1];
    return Arrays.stream(ShapeColour.values()).filter(c -> c.word().equals(word)).findFirst().orElseThrow();
  }

  private static ShapeKind kindOf(ScenePhrase phrase) {
    String noun = phrase.text().split(" ")[2];
    int count = phrase.boxes().size();
    return Arrays.stream(ShapeKind.values()).filter(k -> k.noun(count).equals(noun)).findFirst().orElseThrow();
  }
}
