package dev.groundstream.launcher.synthetic;

/** A generated scene: its image id, size, PNG bytes and captioned truth. */
public record Scene(String imageId, int width, int height, byte[] png, SceneCaption caption) {}
