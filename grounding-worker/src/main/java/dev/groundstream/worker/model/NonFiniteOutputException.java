package dev.groundstream.worker.model;

/** The model produced NaN or infinity for an input: its result would be meaningless. */
public class NonFiniteOutputException extends Exception {
  public NonFiniteOutputException(String message) {
    super(message);
  }
}
