package dev.groundstream.worker;

/** Thrown on the loop thread when a test halts the worker: it unwinds without committing. */
final class HaltedException extends RuntimeException {
  HaltedException() {
    super("halted", null, false, false);
  }
}
