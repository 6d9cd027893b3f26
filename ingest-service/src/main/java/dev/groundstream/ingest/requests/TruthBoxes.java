package dev.groundstream.ingest.requests;

import dev.groundstream.avro.Box;
import dev.groundstream.ingest.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Validates caller boxes against the decoded image: 0 <= x1 < x2 <= width, same for y. */
public final class TruthBoxes {
  private TruthBoxes() {}

  public static List<Box> validate(List<double[]> boxes, int width, int height, String phraseId) {
    List<Box> out = new ArrayList<>();
    for (double[] b : boxes) {
      if (b.length != 4) {
        throw InvalidInputException.unprocessable("bad_box", "Phrase " + phraseId + ": a box is [x1, y1, x2, y2]");
      }
      double x1 = b[0], y1 = b[1], x2 = b[2], y2 = b[3];
      for (double v : b) {
        if (!Double.isFinite(v)) {
          throw InvalidInputException.unprocessable("bad_box", "Phrase " + phraseId + ": box coordinates must be finite");
        }
      }
      if (x2 <= x1 || y2 <= y1) {
        throw InvalidInputException.unprocessable("bad_box",
            "Phrase " + phraseId + ": box needs x2 > x1 and y2 > y1, got " + java.util.Arrays.toString(b));
      }
      if (x1 < 0 || y1 < 0 || x2 > width || y2 > height) {
        throw InvalidInputException.unprocessable("box_outside_image", "Phrase " + phraseId + ": box "
            + java.util.Arrays.toString(b) + " is outside the " + width + "x" + height + " image");
      }
      out.add(Box.newBuilder().setX1((float) x1).setY1((float) y1).setX2((float) x2).setY2((float) y2).build());
    }
    return out;
  }
}
