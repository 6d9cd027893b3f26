package dev.groundstream.worker.model;

import java.util.List;

/** One request as a model sees it: the preprocessed image, the caption and its phrases. */
public record GroundingInput(PreprocessedImage image, String caption, List<PhraseQuery> phrases) {}
