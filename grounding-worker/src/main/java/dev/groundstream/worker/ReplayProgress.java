package dev.groundstream.worker;

/** Called after every committed batch of a replay: records done and the total to replay. */
@FunctionalInterface
public interface ReplayProgress {
  void onProgress(long done, long total);
}
