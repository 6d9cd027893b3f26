package dev.groundstream.launcher.synthetic;

import java.util.List;

/** A caption and its phrases in caption order. */
public record SceneCaption(String text, List<ScenePhrase> phrases) {
  public SceneCaption {
    phrases = List.copyOf(phrases);
  }
}
