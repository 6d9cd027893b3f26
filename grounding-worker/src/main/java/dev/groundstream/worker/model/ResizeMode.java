package dev.groundstream.worker.model;

/** Letterbox keeps the aspect ratio and pads; stretch scales each axis on its own. */
public enum ResizeMode {
  LETTERBOX,
  STRETCH
}
