package dev.groundstream.launcher.synthetic;

import java.util.List;

/** What a scene contains and where, before it is drawn. */
public record SceneLayout(int width, int height, Backdrop backdrop, List<ShapeGroup> groups) {
  public SceneLayout {
    groups = List.copyOf(groups);
  }
}
