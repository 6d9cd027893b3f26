package dev.groundstream.worker.model;

/** Memory layout of the image input tensor. */
public enum TensorLayout {
  NHWC,
  NCHW
}
