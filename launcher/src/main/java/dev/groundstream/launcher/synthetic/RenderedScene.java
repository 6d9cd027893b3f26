package dev.groundstream.launcher.synthetic;

import java.util.List;

/** The encoded PNG of a scene and, per group of its layout, the measured box of each member. */
public record RenderedScene(byte[] png, List<List<PixelBox>> boxesPerGroup) {
  public RenderedScene {
    boxesPerGroup = boxesPerGroup.stream().map(List::copyOf).toList();
  }
}
