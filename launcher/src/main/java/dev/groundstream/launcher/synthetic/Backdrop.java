package dev.groundstream.launcher.synthetic;

import java.awt.Color;

/** The plain background of a scene; the caption names it as a scene phrase ("a green field"). */
public enum Backdrop {
  FIELD("on", "a green field", new Color(70, 160, 60)),
  SKY("in", "a blue sky", new Color(135, 200, 240)),
  STREET("on", "a grey street", new Color(120, 120, 125)),
  BEACH("on", "a sandy beach", new Color(225, 200, 150));

  private final String preposition;
  private final String phrase;
  private final Color rgb;

  Backdrop(String preposition, String phrase, Color rgb) {
    this.preposition = preposition;
    this.phrase = phrase;
    this.rgb = rgb;
  }

  /** "on" or "in": what joins the objects to the backdrop in the caption. */
  public String preposition() {
    return preposition;
  }

  public String phrase() {
    return phrase;
  }

  public Color rgb() {
    return rgb;
  }
}
