package dev.groundstream.ingest.importers;

/**
 * Told after every acknowledged batch and at the end; a launcher progress bar (e.g.
 * me.tongfei:progressbar's {@code stepTo(done)} / {@code maxHint(total)}) can be driven from it.
 */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(ImportProgress progress);

  ProgressListener NONE = p -> {};
}
